package cn.childprotect.cms.cases;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.childprotect.cms.cases.events.TimelineLine;

import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a timeline line says, stored and read (docs/domain.md §4). A line is kept as its message key
 * and its arguments, as JSON: {@code {"text": ...}} for what a person wrote or a value (a name, a
 * number, a date), never translated; {@code {"label": [codes], "default": CODE}} for a code's name
 * (a state, a kind, an action, a measure type) or a system message, with its own {@code "args"}
 * if it has any, rendered in the reader's language;
 * {@code {"list": [...]}} for a list of these. A person's own words with nothing around them (a case
 * note) stay plain text in {@code note}, as do the finished texts of lines written before keys were
 * kept. Reading renders the sentence in the reader's language as parts, each saying whether it is
 * data entered by a person (the page marks those).
 */
@Component
class TimelineNotes {

    /** The key of a line that is only what a person wrote ({@code {0}}). */
    static final String OWN_WORDS = "timeline.text";
    static final int ARGS_MAX_LENGTH = 8000;
    private static final Pattern SLOT = Pattern.compile("\uE000(\\d+)\uE001");

    private final MessageSource messages;
    private final JsonMapper json;

    TimelineNotes(MessageSource messages, JsonMapper json) {
        this.messages = messages;
        this.json = json;
    }

    /** What is stored for a line: the key and its arguments, or the person's own words as text. */
    record Stored(String note, String key, String args) {
    }

    Stored store(TimelineLine line) {
        if (line.noteKey() == null) {
            return new Stored(null, null, null);
        }
        List<Object> args = line.noteArgs();
        if (OWN_WORDS.equals(line.noteKey()) && args.size() == 1 && args.get(0) instanceof String own) {
            return new Stored(truncate(own, CaseTimelineProjection.NOTE_MAX_LENGTH), null, null);
        }
        ArrayNode array = json.createArrayNode();
        for (Object arg : args) {
            array.add(encode(arg));
        }
        String text = json.writeValueAsString(array);
        while (text.length() > ARGS_MAX_LENGTH && shortenLongestText(array)) {
            text = json.writeValueAsString(array);
        }
        return new Stored(null, line.noteKey(), text);
    }

    private ObjectNode encode(Object arg) {
        ObjectNode node = json.createObjectNode();
        if (arg instanceof MessageSourceResolvable r) {
            ArrayNode codes = node.putArray("label");
            for (String code : r.getCodes() == null ? new String[0] : r.getCodes()) {
                codes.add(code);
            }
            node.put("default", r.getDefaultMessage());
            if (r.getArguments() != null && r.getArguments().length > 0) {
                ArrayNode nested = node.putArray("args");
                for (Object a : r.getArguments()) {
                    nested.add(encode(a));
                }
            }
        }
        else if (arg instanceof List<?> list) {
            ArrayNode items = node.putArray("list");
            list.forEach(item -> items.add(encode(item)));
        }
        else {
            node.put("text", arg == null ? null : truncate(String.valueOf(arg), CaseTimelineProjection.NOTE_MAX_LENGTH));
        }
        return node;
    }

    /** Halves the longest text argument; false when there is nothing left to shorten. */
    private static boolean shortenLongestText(ArrayNode array) {
        ObjectNode longest = null;
        for (int i = 0; i < array.size(); i++) {
            JsonNode n = array.get(i);
            if (n.has("text") && !n.get("text").isNull()
                    && (longest == null || n.get("text").asString().length() > longest.get("text").asString().length())) {
                longest = (ObjectNode) n;
            }
        }
        if (longest == null || longest.get("text").asString().isEmpty()) {
            return false;
        }
        String t = longest.get("text").asString();
        longest.put("text", t.substring(0, t.length() / 2));
        return true;
    }

    /** The line in this language: a stored key with its arguments, else the stored text (a person's words, or an old line). */
    List<CaseTimelineItem.NotePart> render(String note, String key, String args, Locale locale) {
        if (key == null) {
            return note == null || note.isEmpty() ? List.of() : List.of(new CaseTimelineItem.NotePart(note, true));
        }
        JsonNode array = args == null ? json.createArrayNode() : json.readTree(args);
        List<CaseTimelineItem.NotePart> parts = new ArrayList<>();
        sentence(parts, new String[] {key}, key, array, locale);
        return List.copyOf(parts);
    }

    /**
     * The message of the first of these keys that is known, its arguments in their places, each
     * keeping whether it is data entered by a person (also inside a message given as an argument).
     */
    private void sentence(List<CaseTimelineItem.NotePart> parts, String[] keys, String fallback, JsonNode array,
            Locale locale) {
        Object[] slots = new Object[array == null ? 0 : array.size()];
        for (int i = 0; i < slots.length; i++) {
            slots[i] = "\uE000" + i + "\uE001";
        }
        String sentence = messages.getMessage(new DefaultMessageSourceResolvable(keys, slots, fallback), locale);
        Matcher m = SLOT.matcher(sentence);
        int at = 0;
        while (m.find()) {
            add(parts, new CaseTimelineItem.NotePart(sentence.substring(at, m.start()), false));
            value(parts, array.get(Integer.parseInt(m.group(1))), locale);
            at = m.end();
        }
        add(parts, new CaseTimelineItem.NotePart(sentence.substring(at), false));
    }

    private void value(List<CaseTimelineItem.NotePart> parts, JsonNode node, Locale locale) {
        if (node.has("label")) {
            JsonNode codes = node.get("label");
            String[] keys = new String[codes.size()];
            for (int i = 0; i < keys.length; i++) {
                keys[i] = codes.get(i).asString();
            }
            String fallback = node.has("default") && !node.get("default").isNull() ? node.get("default").asString() : null;
            sentence(parts, keys, fallback, node.get("args"), locale);
            return;
        }
        if (node.has("list")) {
            JsonNode items = node.get("list");
            String separator = messages.getMessage("timeline.list-separator", null, ", ", locale);
            for (int i = 0; i < items.size(); i++) {
                if (i > 0) {
                    add(parts, new CaseTimelineItem.NotePart(separator, false));
                }
                value(parts, items.get(i), locale);
            }
            return;
        }
        JsonNode text = node.get("text");
        add(parts, new CaseTimelineItem.NotePart(text == null || text.isNull() ? "" : text.asString(), true));
    }

    /** Adjacent parts of the same sort become one; empty ones go. */
    private static void add(List<CaseTimelineItem.NotePart> parts, CaseTimelineItem.NotePart part) {
        if (part.text().isEmpty()) {
            return;
        }
        int last = parts.size() - 1;
        if (last >= 0 && parts.get(last).data() == part.data()) {
            parts.set(last, new CaseTimelineItem.NotePart(parts.get(last).text() + part.text(), part.data()));
        }
        else {
            parts.add(part);
        }
    }

    /** The reader's language: the request's, else (outside a request) the default language, Chinese, as {@code Labels}. */
    static Locale readerLocale() {
        LocaleContext context = LocaleContextHolder.getLocaleContext();
        Locale locale = context == null ? null : context.getLocale();
        return locale == null ? Locale.SIMPLIFIED_CHINESE : locale;
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
