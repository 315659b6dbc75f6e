-- 统计监测 rollup, bounded (docs/domain.md, "Statistics"): the daily sums were kept per cross product
-- of all five dimensions and ~195 duration buckets, so their rows grew with the cases. They are
-- replaced by one row per single dimension value (plus a 'total' row) and 35 log-spaced duration
-- buckets (stats.DurationBuckets), per day and, for whole months, per month (per village, and per
-- township for county and township questions).
--
-- No figure is converted: the stored facts are dropped and every thing that had facts is marked
-- pending, so the rollup job reads each again from its source and fills the new tables (or run a
-- rebuild, POST /api/v1/stats/rebuild, which reads every source from scratch).

insert into stats_pending (source, subject_id) select distinct source, subject_id from stats_fact;

drop table stats_daily;
drop table stats_fact;

-- each thing's facts as last read from its source (what to take out of the sums when it changes)
create table stats_fact (
    id           bigint auto_increment primary key,
    source       varchar(32) not null,
    subject_id   bigint      not null,
    measure      varchar(40) not null,
    fact_day     date        not null,
    fact_month   date        not null,
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

-- sums per day x village x measure x one dimension (dim: total, category, channel, institution,
-- state, agency) and its value x duration bucket (-1 for counts); queries read a range of
-- (dim, fact_day), then the village prefix
create table stats_daily (
    dim          varchar(16) not null,
    fact_day     date        not null,
    village_code char(12)    not null,
    measure      varchar(40) not null,
    dim_value    varchar(32) not null,
    bucket       bigint      not null,
    n            bigint      not null,
    minutes_sum  bigint      not null,
    constraint stats_daily_key primary key (dim, fact_day, village_code, measure, dim_value, bucket)
);

-- the same per calendar month (fact_day: the month's first day), for the whole months of a period
create table stats_monthly (
    dim          varchar(16) not null,
    fact_day     date        not null,
    village_code char(12)    not null,
    measure      varchar(40) not null,
    dim_value    varchar(32) not null,
    bucket       bigint      not null,
    n            bigint      not null,
    minutes_sum  bigint      not null,
    constraint stats_monthly_key primary key (dim, fact_day, village_code, measure, dim_value, bucket)
);

-- the same per calendar month and township (the village code's first 9 digits)
create table stats_monthly_township (
    dim           varchar(16) not null,
    fact_day      date        not null,
    township_code char(9)     not null,
    measure       varchar(40) not null,
    dim_value     varchar(32) not null,
    bucket        bigint      not null,
    n             bigint      not null,
    minutes_sum   bigint      not null,
    constraint stats_monthly_township_key primary key (dim, fact_day, township_code, measure, dim_value, bucket)
);
