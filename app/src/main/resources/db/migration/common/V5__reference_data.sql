-- Reference data the administrator maintains (ADR 14): the union lawyer panel (职工律师团) and
-- the mediator roster. Plain tables, not event-sourced: they are lists, not cases. Entries are
-- deactivated, never deleted, so old cases keep pointing at real people.
CREATE TABLE lawyer_panel (
    lawyer_id    VARCHAR(64)  NOT NULL,
    name         VARCHAR(100) NOT NULL,
    law_firm     VARCHAR(200) NOT NULL,
    phone        VARCHAR(20),
    active       BOOLEAN      NOT NULL,
    changed_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    changed_by   VARCHAR(100) NOT NULL,
    PRIMARY KEY (lawyer_id)
);

CREATE TABLE mediator_roster (
    mediator_id  VARCHAR(100) NOT NULL,
    name         VARCHAR(100) NOT NULL,
    organisation VARCHAR(200) NOT NULL,
    active       BOOLEAN      NOT NULL,
    changed_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    changed_by   VARCHAR(100) NOT NULL,
    PRIMARY KEY (mediator_id)
);

-- The demo panel and roster of the embedded profile.
INSERT INTO lawyer_panel VALUES ('lawyer.zhou', '周律师', '江苏示例律师事务所', '13800000001', TRUE, CURRENT_TIMESTAMP, 'setup');
INSERT INTO lawyer_panel VALUES ('lawyer.wu', '吴律师', '苏州示例律师事务所', '13800000002', TRUE, CURRENT_TIMESTAMP, 'setup');
INSERT INTO mediator_roster VALUES ('mediator.sun', '孙调解员', 'szftu/gusu', TRUE, CURRENT_TIMESTAMP, 'setup');
INSERT INTO mediator_roster VALUES ('mediator.qian', '钱调解员', 'szftu/kunshan', TRUE, CURRENT_TIMESTAMP, 'setup');
