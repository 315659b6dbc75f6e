package cn.childprotect.cms.people;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import cn.childprotect.cms.jurisdictions.JurisdictionScope;
import cn.childprotect.cms.shared.CappedTotal;

import net.sourceforge.pinyin4j.PinyinHelper;
import net.sourceforge.pinyin4j.format.HanyuPinyinCaseType;
import net.sourceforge.pinyin4j.format.HanyuPinyinOutputFormat;
import net.sourceforge.pinyin4j.format.HanyuPinyinToneType;
import net.sourceforge.pinyin4j.format.HanyuPinyinVCharType;
import net.sourceforge.pinyin4j.format.exception.BadHanyuPinyinOutputFormatCombination;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.SliceImpl;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The name keys of children (docs/domain.md §3.5): each suffix of the name, of its full pinyin and of
 * its initials, for every combination of readings of polyphonic characters (at most
 * {@value #MAX_READINGS}); 张晓明 gives 张晓明, 晓明, 明, zhangxiaoming, xiaoming, ming, zxm, xm, m.
 * A search is a prefix match on the keys: an index range, whatever the number of children.
 */
@Component
class ChildNameIndex {

    static final int MAX_READINGS = 16;
    private static final int KEY_MAX = 120;
    private static final Logger log = LoggerFactory.getLogger(ChildNameIndex.class);
    private static final HanyuPinyinOutputFormat FORMAT = new HanyuPinyinOutputFormat();

    static {
        FORMAT.setToneType(HanyuPinyinToneType.WITHOUT_TONE);
        FORMAT.setVCharType(HanyuPinyinVCharType.WITH_V);
        FORMAT.setCaseType(HanyuPinyinCaseType.LOWERCASE);
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;

    ChildNameIndex(JdbcTemplate jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    /** What a typed query is compared with: lower case, without spaces and middle dots. */
    static String normalize(String text) {
        return text == null ? "" : text.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s·•.\\-]", "");
    }

    static Set<String> keys(String name) {
        String n = normalize(name);
        Set<String> keys = new LinkedHashSet<>();
        if (n.isEmpty()) {
            return keys;
        }
        List<List<String>> readings = new ArrayList<>();
        for (char c : n.toCharArray()) {
            readings.add(readingsOf(c));
        }
        List<List<String>> combinations = new ArrayList<>();
        combinations.add(List.of());
        for (List<String> options : readings) {
            List<List<String>> next = new ArrayList<>();
            for (List<String> prefix : combinations) {
                for (String option : options) {
                    if (next.size() < MAX_READINGS) {
                        List<String> longer = new ArrayList<>(prefix);
                        longer.add(option);
                        next.add(longer);
                    }
                }
            }
            combinations = next;
        }
        for (int i = 0; i < n.length(); i++) {
            keys.add(cut(n.substring(i)));
        }
        for (List<String> combination : combinations) {
            for (int i = 0; i < combination.size(); i++) {
                List<String> tail = combination.subList(i, combination.size());
                keys.add(cut(String.join("", tail)));
                keys.add(cut(tail.stream().map(s -> s.substring(0, 1)).reduce("", String::concat)));
            }
        }
        return keys;
    }

    private static List<String> readingsOf(char c) {
        try {
            String[] found = PinyinHelper.toHanyuPinyinStringArray(c, FORMAT);
            if (found != null && found.length > 0) {
                return List.copyOf(new LinkedHashSet<>(List.of(found)));
            }
        }
        catch (BadHanyuPinyinOutputFormatCombination impossible) {
            // the format above is a valid combination
        }
        return List.of(String.valueOf(c));
    }

    private static String cut(String key) {
        return key.length() > KEY_MAX ? key.substring(0, KEY_MAX) : key;
    }

    /**
     * Children of the same full pinyin (any reading), born in the same year, in the township of the
     * village: the uncertain matches intake offers for confirmation (docs/domain.md §3.3, §3.5).
     */
    List<Long> samePinyinSameYearInTownship(String name, int birthYear, String villageCode) {
        return samePinyinQuery(name, birthYear, villageCode)
                .map(q -> jdbc.queryForList(q.sql(), Long.class, q.args().toArray()))
                .orElse(List.of());
    }

    /** A query for {@link #samePinyinSameYearInTownship}'s ids (at most 20, newest first), to run alone or in another. */
    record SamePinyinQuery(String sql, List<Object> args) {
    }

    /** Empty when there is nothing to look for (no name, no township). */
    Optional<SamePinyinQuery> samePinyinQuery(String name, int birthYear, String villageCode) {
        String n = normalize(name);
        if (n.isEmpty() || villageCode == null || villageCode.length() < 9) {
            return Optional.empty();
        }
        List<String> full = new ArrayList<>();
        List<List<String>> combinations = new ArrayList<>();
        combinations.add(List.of());
        for (char c : n.toCharArray()) {
            List<List<String>> next = new ArrayList<>();
            for (List<String> prefix : combinations) {
                for (String option : readingsOf(c)) {
                    if (next.size() < MAX_READINGS) {
                        List<String> longer = new ArrayList<>(prefix);
                        longer.add(option);
                        next.add(longer);
                    }
                }
            }
            combinations = next;
        }
        combinations.forEach(c -> full.add(cut(String.join("", c))));
        String marks = String.join(", ", java.util.Collections.nCopies(full.size(), "?"));
        List<Object> args = new ArrayList<>(full);
        args.add(villageCode.substring(0, 9) + "%");
        args.add(java.sql.Date.valueOf(LocalDate.of(birthYear, 1, 1)));
        args.add(java.sql.Date.valueOf(LocalDate.of(birthYear + 1, 1, 1)));
        return Optional.of(new SamePinyinQuery("select distinct c.id from people_child c join people_child_name_key k "
                + "on k.child_id = c.id where k.name_key in (" + marks + ") and c.village_code like ? and c.birth_date >= ? "
                + "and c.birth_date < ? order by c.id desc limit 20", List.copyOf(args)));
    }

    /** (Re)writes a child's keys, in the caller's transaction. */
    void index(long childId, String name) {
        // A child without keys yet (registered elsewhere in this transaction, or before the index
        // existed): deleting none would still lock the gap after the highest child id, which every
        // concurrent filing's insert then needs (deadlocks under LoadBenchmark). Delete only what exists.
        Integer present = jdbc.queryForObject("select count(*) from people_child_name_key where child_id = ?",
                Integer.class, childId);
        if (present != null && present > 0) {
            jdbc.update("delete from people_child_name_key where child_id = ?", childId);
        }
        indexNew(childId, name);
    }

    /**
     * Writes the keys of a child registered in this transaction, which has none yet: no delete
     * first. (A delete of a new, highest child id locks the gap at the end of the index, so two
     * concurrent registrations deadlocked on their inserts under REPEATABLE READ.)
     */
    void indexNew(long childId, String name) {
        List<Object[]> rows = keys(name).stream().map(k -> new Object[] { childId, k }).toList();
        if (!rows.isEmpty()) {
            jdbc.batchUpdate("insert into people_child_name_key (child_id, name_key) values (?, ?)", rows);
        }
    }

    /**
     * One page of children whose name keys start with the query, in the scope, newest first; and the
     * total as {@link CappedTotal} gives it (more than {@code CAP}: {@link CappedTotal#MORE_THAN_CAP}).
     */
    record Found(List<Long> childIds, long total) {
    }

    Found search(String query, Integer birthYear, String villageCode, JurisdictionScope scope, int page, int size) {
        String q = normalize(query).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        StringBuilder where = new StringBuilder(" from people_child c where c.id in (select k.child_id from "
                + "people_child_name_key k where k.name_key like ?) and c.village_code like ?");
        List<Object> args = new ArrayList<>(List.of(q + "%", scope.likePattern()));
        if (villageCode != null && !villageCode.isBlank()) {
            where.append(" and c.village_code like ?");
            args.add(villageCode.strip() + "%");
        }
        if (birthYear != null) {
            where.append(" and c.birth_date >= ? and c.birth_date < ?");
            args.add(java.sql.Date.valueOf(LocalDate.of(birthYear, 1, 1)));
            args.add(java.sql.Date.valueOf(LocalDate.of(birthYear + 1, 1, 1)));
        }
        // one row more than the page shows, and no count of the whole scope (issue 19): exact on the
        // last page, otherwise counted up to CappedTotal.CAP
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(size + 1);
        pageArgs.add((long) page * size);
        List<Long> ids = jdbc.queryForList("select c.id" + where + " order by c.id desc limit ? offset ?", Long.class,
                pageArgs.toArray());
        boolean hasNext = ids.size() > size;
        List<Long> shown = hasNext ? ids.subList(0, size) : ids;
        long total = CappedTotal.of(new SliceImpl<>(shown, PageRequest.of(page, size), hasNext), () -> {
            List<Object> probeArgs = new ArrayList<>(args);
            probeArgs.add(CappedTotal.CAP);
            return !jdbc.queryForList("select c.id" + where + " order by c.id desc limit 1 offset ?", Long.class,
                    probeArgs.toArray()).isEmpty();
        }, () -> {
            Long counted = jdbc.queryForObject("select count(*)" + where, Long.class, args.toArray());
            return counted == null ? 0 : counted;
        });
        return new Found(List.copyOf(shown), total);
    }

    /**
     * Children recorded before the index existed get their keys at start, in small transactions.
     * Only children above the marker (people_child_name_backfill, V8_18_2) are checked: every child
     * up to it has been, and a child recorded since gets its keys when it is registered, so at a
     * million children a start costs two reads by key, not an anti-join over all of them.
     */
    @EventListener(ApplicationReadyEvent.class)
    void backfill() {
        Long checked = jdbc.queryForObject("select checked_through from people_child_name_backfill where id = 1",
                Long.class);
        Long last = jdbc.queryForObject("select max(id) from people_child", Long.class);
        if (checked == null || last == null || last <= checked) {
            return;
        }
        int done = 0;
        long after = checked;
        while (true) {
            List<Object[]> batch = jdbc.query("select c.id, c.name from people_child c where c.id > ? and c.id <= ? "
                    + "and c.name is not null and not exists (select 1 from people_child_name_key k where k.child_id = c.id) "
                    + "order by c.id limit 500", (rs, n) -> new Object[] { rs.getLong(1), rs.getString(2) }, after, last);
            long through = batch.size() < 500 ? last : (Long) batch.get(batch.size() - 1)[0];
            tx.executeWithoutResult(status -> {
                batch.forEach(row -> index((Long) row[0], (String) row[1]));
                // every child up to here has its keys now (greatest: another instance may be further)
                jdbc.update("update people_child_name_backfill set checked_through = greatest(checked_through, ?) "
                        + "where id = 1", through);
            });
            done += batch.size();
            if (through >= last) {
                break;
            }
            after = through;
        }
        if (done > 0) {
            log.info("Indexed the names of {} children for search", done);
        }
    }
}
