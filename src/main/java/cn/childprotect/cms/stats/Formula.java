package cn.childprotect.cms.stats;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * An indicator's formula over measure codes (config/indicators.yml): numbers, measure codes,
 * {@code + - * /} and parentheses. A measure stands for its count; a division by zero makes the
 * value undefined (null), as a rate of nothing is no rate.
 */
final class Formula {

    private final String text;
    private final Node root;

    private Formula(String text, Node root) {
        this.text = text;
        this.root = root;
    }

    static Formula parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("an indicator needs a formula");
        }
        Parser parser = new Parser(text);
        Node node = parser.sum();
        parser.skipSpace();
        if (parser.pos != text.length()) {
            throw new IllegalArgumentException("unexpected '" + text.substring(parser.pos) + "' in formula: " + text);
        }
        return new Formula(text, node);
    }

    /** The value for the given counts (a measure without a count is 0), or null if undefined. */
    Double evaluate(Map<String, Long> counts) {
        return root.value(counts);
    }

    Set<String> measures() {
        Set<String> found = new LinkedHashSet<>();
        root.collect(found);
        return found;
    }

    @Override
    public String toString() {
        return text;
    }

    private sealed interface Node permits Num, Ref, Op {
        Double value(Map<String, Long> counts);

        default void collect(Set<String> into) {
        }
    }

    private record Num(double v) implements Node {
        public Double value(Map<String, Long> counts) {
            return v;
        }
    }

    private record Ref(String measure) implements Node {
        public Double value(Map<String, Long> counts) {
            return counts.getOrDefault(measure, 0L).doubleValue();
        }

        public void collect(Set<String> into) {
            into.add(measure);
        }
    }

    private record Op(char op, Node left, Node right) implements Node {
        public Double value(Map<String, Long> counts) {
            Double a = left.value(counts);
            Double b = right.value(counts);
            if (a == null || b == null) {
                return null;
            }
            return switch (op) {
                case '+' -> a + b;
                case '-' -> a - b;
                case '*' -> a * b;
                default -> b == 0 ? null : a / b;
            };
        }

        public void collect(Set<String> into) {
            left.collect(into);
            right.collect(into);
        }
    }

    private static final class Parser {
        private final String s;
        private int pos;

        Parser(String s) {
            this.s = s;
        }

        void skipSpace() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
                pos++;
            }
        }

        Node sum() {
            Node left = product();
            while (true) {
                skipSpace();
                if (pos < s.length() && (s.charAt(pos) == '+' || s.charAt(pos) == '-')) {
                    char op = s.charAt(pos++);
                    left = new Op(op, left, product());
                }
                else {
                    return left;
                }
            }
        }

        Node product() {
            Node left = atom();
            while (true) {
                skipSpace();
                if (pos < s.length() && (s.charAt(pos) == '*' || s.charAt(pos) == '/')) {
                    char op = s.charAt(pos++);
                    left = new Op(op, left, atom());
                }
                else {
                    return left;
                }
            }
        }

        Node atom() {
            skipSpace();
            if (pos >= s.length()) {
                throw new IllegalArgumentException("formula ends too early: " + s);
            }
            char c = s.charAt(pos);
            if (c == '(') {
                pos++;
                Node inner = sum();
                skipSpace();
                if (pos >= s.length() || s.charAt(pos) != ')') {
                    throw new IllegalArgumentException("missing ')' in formula: " + s);
                }
                pos++;
                return inner;
            }
            int start = pos;
            if (Character.isDigit(c)) {
                while (pos < s.length() && (Character.isDigit(s.charAt(pos)) || s.charAt(pos) == '.')) {
                    pos++;
                }
                return new Num(Double.parseDouble(s.substring(start, pos)));
            }
            while (pos < s.length() && (Character.isLowerCase(s.charAt(pos)) || Character.isDigit(s.charAt(pos))
                    || s.charAt(pos) == '.' || s.charAt(pos) == '_')) {
                pos++;
            }
            if (start == pos) {
                throw new IllegalArgumentException("unexpected '" + c + "' in formula: " + s);
            }
            return new Ref(s.substring(start, pos));
        }
    }
}
