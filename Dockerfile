# syntax=docker/dockerfile:1
# Weiquan, built from this repository (ADR 25). Two stages: Maven + JDK 17 builds the reactor
# (tests run in CI, not here), a JRE 17 image runs the Spring Boot jar as a non-root user.

FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /build
COPY . .
# The cache mount keeps ~/.m2 between builds (BuildKit, the default builder of current Docker).
RUN --mount=type=cache,target=/root/.m2 mvn -q package -DskipTests

FROM eclipse-temurin:17-jre
# curl for the health check
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/* \
    && groupadd --system weiquan \
    && useradd --system --gid weiquan --home-dir /app --shell /usr/sbin/nologin weiquan \
    && mkdir -p /app/data \
    && chown weiquan:weiquan /app/data
WORKDIR /app
COPY --from=build /build/app/target/weiquan.jar /app/weiquan.jar
USER weiquan
# production = events in KurrentDB, everything relational in PostgreSQL (the compose file sets the
# addresses and the secrets; these defaults name its services).
ENV SPRING_PROFILES_ACTIVE=production \
    WEIQUAN_DB_URL=jdbc:postgresql://postgres:5432/weiquan \
    WEIQUAN_DB_USER=weiquan \
    WEIQUAN_EVENTSTORE_URL=kurrentdb://kurrentdb:2113?tls=false \
    JAVA_TOOL_OPTIONS=-XX:MaxRAMPercentage=75
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=5s --start-period=90s --retries=6 \
    CMD curl -fsS http://localhost:8080/actuator/health/readiness || exit 1
ENTRYPOINT ["java", "-jar", "/app/weiquan.jar"]
