-- 统计监测 rollup (docs/domain.md, "Statistics"): the stats module's own tables, fed by
-- shared.stats.StatsFactSource beans; it never reads other modules' tables.

-- things whose facts may have changed, marked in the changing transaction, drained by a job
create table stats_pending (
    id         bigint auto_increment primary key,
    source     varchar(32) not null,
    subject_id bigint      not null
);

-- each thing's facts as last read from its source (what to take out of the sums when it changes)
create table stats_fact (
    id           bigint auto_increment primary key,
    source       varchar(32) not null,
    subject_id   bigint      not null,
    measure      varchar(40) not null,
    fact_day     date        not null,
    village_code char(12)    not null,
    category     varchar(32) not null,
    channel      varchar(32) not null,
    institution  varchar(32) not null,
    state        varchar(32) not null,
    agency       varchar(32) not null,
    minutes      bigint,
    bucket       bigint      not null
);
create index stats_fact_subject on stats_fact (source, subject_id);

-- daily sums per village x measure x dimensions x duration bucket (-1 for counts); the only
-- table the measures read: a range on (measure, fact_day), then the village prefix
create table stats_daily (
    id           bigint auto_increment primary key,
    measure      varchar(40) not null,
    fact_day     date        not null,
    village_code char(12)    not null,
    category     varchar(32) not null,
    channel      varchar(32) not null,
    institution  varchar(32) not null,
    state        varchar(32) not null,
    agency       varchar(32) not null,
    bucket       bigint      not null,
    n            bigint      not null,
    minutes_sum  bigint      not null,
    constraint stats_daily_key unique (measure, fact_day, village_code, category, channel, institution, state,
        agency, bucket)
);
create index stats_daily_day_village on stats_daily (fact_day, village_code);
