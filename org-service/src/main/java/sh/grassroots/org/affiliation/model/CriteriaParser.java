package sh.grassroots.org.affiliation.model;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Recursive descent over the grammar
 * <pre>
 *   expression := conjunction ("or" conjunction)*
 *   conjunction := primary ("and" primary)*
 *   primary    := "(" expression ")" | attribute operator literal | attribute "in" "(" literal ("," literal)* ")"
 *   operator   := "=" | "!=" | ">=" | "<=" | ">" | "<"
 *   literal    := "..." | '...' | number
 * </pre>
 * Keywords are case-insensitive; attribute names are letters (any script), digits, '_' and '.',
 * not starting with a digit. The first error stops the parse and is reported with its position.
 */
final class CriteriaParser {
    static final int MAX_LENGTH = 2000;
    private static final int MAX_DEPTH = 32;

    private final String source;
    private int pos;
    private int depth;

    private CriteriaParser(String source) {
        this.source = source;
    }

    static Criteria.Parsed parse(String source) {
        if (source == null) {
            return new Criteria.Malformed(1, "an expression", "nothing");
        }
        if (source.length() > MAX_LENGTH) {
            return new Criteria.Malformed(MAX_LENGTH + 1, "at most " + MAX_LENGTH + " characters", "more");
        }
        CriteriaParser parser = new CriteriaParser(source);
        try {
            Criteria criteria = parser.expression();
            parser.skipSpace();
            if (parser.pos < source.length()) {
                throw parser.error("'and', 'or' or the end of the expression");
            }
            return new Criteria.Valid(criteria);
        } catch (Failure failure) {
            return failure.malformed;
        }
    }

    private static final class Failure extends RuntimeException {
        final Criteria.Malformed malformed;

        Failure(Criteria.Malformed malformed) {
            super(null, null, false, false);
            this.malformed = malformed;
        }
    }

    private Criteria expression() {
        if (++depth > MAX_DEPTH) {
            throw error("at most " + MAX_DEPTH + " levels of parentheses");
        }
        List<Criteria> operands = new ArrayList<>();
        addOr(operands, conjunction());
        while (keyword("or")) {
            addOr(operands, conjunction());
        }
        depth--;
        return operands.size() == 1 ? operands.get(0) : new Criteria.Or(operands);
    }

    private Criteria conjunction() {
        List<Criteria> operands = new ArrayList<>();
        addAnd(operands, primary());
        while (keyword("and")) {
            addAnd(operands, primary());
        }
        return operands.size() == 1 ? operands.get(0) : new Criteria.And(operands);
    }

    // (a and b) and c is a and b and c: one shape per meaning, so that text() parses back to it.
    private static void addAnd(List<Criteria> operands, Criteria operand) {
        if (operand instanceof Criteria.And and) {
            operands.addAll(and.operands());
        } else {
            operands.add(operand);
        }
    }

    private static void addOr(List<Criteria> operands, Criteria operand) {
        if (operand instanceof Criteria.Or or) {
            operands.addAll(or.operands());
        } else {
            operands.add(operand);
        }
    }

    private Criteria primary() {
        skipSpace();
        if (symbol("(")) {
            Criteria inner = expression();
            skipSpace();
            if (!symbol(")")) {
                throw error("')'");
            }
            return inner;
        }
        String attribute = attribute();
        if (keyword("in")) {
            return in(attribute);
        }
        Criteria.Operator operator = operator();
        return new Criteria.Comparison(attribute, operator, literal());
    }

    private Criteria in(String attribute) {
        skipSpace();
        if (!symbol("(")) {
            throw error("'(' after 'in'");
        }
        List<Criteria.Literal> literals = new ArrayList<>();
        literals.add(literal());
        skipSpace();
        while (symbol(",")) {
            literals.add(literal());
            skipSpace();
        }
        if (!symbol(")")) {
            throw error("',' or ')'");
        }
        return new Criteria.In(attribute, literals);
    }

    private String attribute() {
        skipSpace();
        int start = pos;
        if (pos < source.length() && isNameStart(source.codePointAt(pos))) {
            pos += Character.charCount(source.codePointAt(pos));
            while (pos < source.length() && isNamePart(source.codePointAt(pos))) {
                pos += Character.charCount(source.codePointAt(pos));
            }
        }
        if (start == pos) {
            throw error("an attribute name or '('");
        }
        String name = source.substring(start, pos);
        if (isKeyword(name)) {
            pos = start;
            throw error("an attribute name or '('");
        }
        return name;
    }

    private Criteria.Operator operator() {
        skipSpace();
        for (String symbol : List.of(">=", "<=", "!=", "=", ">", "<")) {
            if (symbol(symbol)) {
                for (Criteria.Operator op : Criteria.Operator.values()) {
                    if (op.symbol().equals(symbol)) {
                        return op;
                    }
                }
            }
        }
        throw error("an operator (=, !=, >=, <=, >, <) or 'in'");
    }

    private Criteria.Literal literal() {
        skipSpace();
        if (pos < source.length()) {
            char c = source.charAt(pos);
            if (c == '"' || c == '\'') {
                return text(c);
            }
            if (c == '-' || Character.isDigit(c)) {
                return number();
            }
        }
        throw error("a string in quotes or a number");
    }

    private Criteria.Literal text(char quote) {
        int start = pos;
        pos++;
        StringBuilder value = new StringBuilder();
        while (pos < source.length()) {
            char c = source.charAt(pos++);
            if (c == quote) {
                return new Criteria.Text(value.toString());
            }
            if (c == '\\') {
                if (pos == source.length()) {
                    break;
                }
                value.append(source.charAt(pos++));
            } else {
                value.append(c);
            }
        }
        throw new Failure(new Criteria.Malformed(start + 1, "the closing " + quote + " of the string started here",
                "end of input"));
    }

    private Criteria.Literal number() {
        int start = pos;
        if (source.charAt(pos) == '-') {
            pos++;
        }
        int digits = pos;
        while (pos < source.length() && Character.isDigit(source.charAt(pos)) && source.charAt(pos) < 128) {
            pos++;
        }
        if (pos == digits) {
            throw error("a digit");
        }
        if (pos < source.length() && source.charAt(pos) == '.') {
            pos++;
            int fraction = pos;
            while (pos < source.length() && Character.isDigit(source.charAt(pos)) && source.charAt(pos) < 128) {
                pos++;
            }
            if (pos == fraction) {
                throw error("a digit after '.'");
            }
        }
        if (pos < source.length() && isNamePart(source.codePointAt(pos))) {
            throw error("a space, ')' or an operator after the number");
        }
        return new Criteria.Number(new BigDecimal(source.substring(start, pos)));
    }

    /** Consumes the keyword if it comes next as a whole word. */
    private boolean keyword(String word) {
        skipSpace();
        int end = pos + word.length();
        if (end <= source.length() && source.substring(pos, end).equalsIgnoreCase(word)
                && (end == source.length() || !isNamePart(source.codePointAt(end)))) {
            pos = end;
            return true;
        }
        return false;
    }

    private boolean symbol(String symbol) {
        if (source.startsWith(symbol, pos)) {
            pos += symbol.length();
            return true;
        }
        return false;
    }

    private void skipSpace() {
        while (pos < source.length() && Character.isWhitespace(source.charAt(pos))) {
            pos++;
        }
    }

    private Failure error(String expected) {
        skipSpace();
        String found;
        if (pos >= source.length()) {
            found = "end of input";
        } else {
            int end = pos;
            while (end < source.length() && end - pos < 12 && !Character.isWhitespace(source.charAt(end))) {
                end++;
            }
            found = "'" + source.substring(pos, Math.max(end, pos + 1)) + "'";
        }
        return new Failure(new Criteria.Malformed(pos + 1, expected, found));
    }

    private static boolean isKeyword(String name) {
        return name.equalsIgnoreCase("and") || name.equalsIgnoreCase("or") || name.equalsIgnoreCase("in");
    }

    static boolean isNameStart(int c) {
        return Character.isLetter(c) || c == '_';
    }

    static boolean isNamePart(int c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '.';
    }
}
