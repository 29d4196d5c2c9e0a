package org.weiquan.eventstore.testserver;

import io.grpc.stub.StreamObserver;
import io.kurrent.dbclient.proto.serverfeatures.ServerFeaturesGrpc;
import io.kurrent.dbclient.proto.serverfeatures.Serverfeatures.SupportedMethod;
import io.kurrent.dbclient.proto.serverfeatures.Serverfeatures.SupportedMethods;
import io.kurrent.dbclient.proto.shared.Shared;

/**
 * What the client asks first on every new connection: the server version and the methods it supports.
 * Only what {@link StreamsService} implements is announced (no persistent subscriptions, no
 * projections, no multi-stream append session), so a client never picks a feature that is not there.
 */
final class ServerFeaturesService extends ServerFeaturesGrpc.ServerFeaturesImplBase {

    static final String VERSION = "24.10.0-inprocess";
    private static final String STREAMS = "event_store.client.streams.streams";

    @Override
    public void getSupportedMethods(Shared.Empty request, StreamObserver<SupportedMethods> responseObserver) {
        SupportedMethods.Builder methods = SupportedMethods.newBuilder().setEventStoreServerVersion(VERSION);
        for (String method : new String[] {"read", "append", "batchappend", "delete", "tombstone"}) {
            methods.addMethods(SupportedMethod.newBuilder().setServiceName(STREAMS).setMethodName(method));
        }
        methods.addMethods(SupportedMethod.newBuilder()
                .setServiceName("event_store.client.server_features.serverfeatures")
                .setMethodName("getsupportedmethods"));
        responseObserver.onNext(methods.build());
        responseObserver.onCompleted();
    }
}
