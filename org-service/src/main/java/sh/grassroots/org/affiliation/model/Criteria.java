package sh.grassroots.org.affiliation.model;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The membership criteria of a functional branch: a boolean expression over a member's
 * attributes, e.g. {@code city = "上海" and mainWork = "视频创作" and followers >= 10000}.
 *
 * <p>A member without the attribute a comparison names never matches it, not even with
 * {@code !=}: the criteria select people who are known to qualify. Ordering comparisons and
 * comparisons with a number literal are numeric, and an attribute value that is not a number
 * does not match them.
 */
public sealed interface Criteria permits Criteria.And, Criteria.Or, Criteria.Comparison, Criteria.In {

    boolean matches(Map<String, String> attributes);

    /** The expression written back in the language's own syntax, normalised. */
    String text();

    /** Parses {@code source}, or says where and why it is malformed. */
    static Parsed parse(String source) {
        return CriteriaParser.parse(source);
    }

    sealed interface Parsed permits Valid, Malformed {
    }

    record Valid(Criteria criteria) implements Parsed {
    }

    /**
     * @param position 1-based character position in the source where parsing stopped
     * @param expected what the parser expected there
     * @param found    what it found instead ("end of input" at the end)
     */
    record Malformed(int position, String expected, String found) implements Parsed {
        public String message() {
            return "At position " + position + ": expected " + expected + " but found " + found;
        }
    }

    enum Operator {
        EQ("="), NE("!="), GE(">="), LE("<="), GT(">"), LT("<");

        private final String symbol;

        Operator(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }

        public boolean isOrdering() {
            return this != EQ && this != NE;
        }
    }

    sealed interface Literal permits Text, Number {
        String text();
    }

    record Text(String value) implements Literal {
        public Text {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String text() {
            return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        }
    }

    record Number(BigDecimal value) implements Literal {
        public Number {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String text() {
            return value.toPlainString();
        }
    }

    record And(List<Criteria> operands) implements Criteria {
        public And {
            operands = List.copyOf(operands);
        }

        @Override
        public boolean matches(Map<String, String> attributes) {
            return operands.stream().allMatch(c -> c.matches(attributes));
        }

        @Override
        public String text() {
            return String.join(" and ", operands.stream().map(c -> c instanceof Or ? "(" + c.text() + ")" : c.text()).toList());
        }
    }

    record Or(List<Criteria> operands) implements Criteria {
        public Or {
            operands = List.copyOf(operands);
        }

        @Override
        public boolean matches(Map<String, String> attributes) {
            return operands.stream().anyMatch(c -> c.matches(attributes));
        }

        @Override
        public String text() {
            return String.join(" or ", operands.stream().map(Criteria::text).toList());
        }
    }

    record Comparison(String attribute, Operator operator, Literal literal) implements Criteria {
        @Override
        public boolean matches(Map<String, String> attributes) {
            String value = attributes.get(attribute);
            if (value == null) {
                return false;
            }
            if (literal instanceof Text text && !operator.isOrdering()) {
                return (operator == Operator.EQ) == value.equals(text.value());
            }
            Optional<BigDecimal> number = numberOf(value);
            BigDecimal right = literal instanceof Number n ? n.value() : numberOf(((Text) literal).value()).orElse(null);
            if (number.isEmpty() || right == null) {
                return false;
            }
            int c = number.get().compareTo(right);
            return switch (operator) {
                case EQ -> c == 0;
                case NE -> c != 0;
                case GE -> c >= 0;
                case LE -> c <= 0;
                case GT -> c > 0;
                case LT -> c < 0;
            };
        }

        @Override
        public String text() {
            return attribute + " " + operator.symbol() + " " + literal.text();
        }
    }

    /** {@code attribute in (a, b, ...)}: equal to one of the literals, by the rules of {@code =}. */
    record In(String attribute, List<Literal> literals) implements Criteria {
        public In {
            literals = List.copyOf(literals);
        }

        @Override
        public boolean matches(Map<String, String> attributes) {
            return literals.stream().anyMatch(l -> new Comparison(attribute, Operator.EQ, l).matches(attributes));
        }

        @Override
        public String text() {
            return attribute + " in (" + String.join(", ", literals.stream().map(Literal::text).toList()) + ")";
        }
    }

    /** A plain decimal number, as attribute values and literals are written; anything else is not a number. */
    static Optional<BigDecimal> numberOf(String value) {
        if (!value.matches("-?[0-9]+(\\.[0-9]+)?")) {
            return Optional.empty();
        }
        return Optional.of(new BigDecimal(value));
    }
}
