package sh.grassroots.org.affiliation.persistence;

import sh.grassroots.org.affiliation.model.Criteria;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A criteria expression as an SQL predicate over the member row {@code m}, with the same
 * meaning as {@link Criteria#matches}: every comparison is an EXISTS over the member's
 * attribute rows, so a missing attribute matches nothing, and numeric comparisons only see
 * values that are plain decimal numbers. Literals become parameters, never SQL text.
 */
public final class CriteriaSql {
    // No '?' (Hibernate's parameter marker) and no '::' (a named-parameter prefix) in the SQL.
    private static final String NUMBER = "'^-{0,1}[0-9]+([.][0-9]+){0,1}$'";

    /** @param sql the predicate, its parameters numbered from the first index given */
    public record Fragment(String sql, List<Object> parameters) {
    }

    private final List<Object> parameters = new ArrayList<>();
    private final int firstIndex;

    private CriteriaSql(int firstIndex) {
        this.firstIndex = firstIndex;
    }

    public static Fragment of(Criteria criteria, int firstParameterIndex) {
        CriteriaSql sql = new CriteriaSql(firstParameterIndex);
        String predicate = sql.predicate(criteria);
        return new Fragment(predicate, List.copyOf(sql.parameters));
    }

    private String predicate(Criteria criteria) {
        if (criteria instanceof Criteria.And and) {
            return and.operands().stream().map(this::predicate).collect(Collectors.joining(" and ", "(", ")"));
        }
        if (criteria instanceof Criteria.Or or) {
            return or.operands().stream().map(this::predicate).collect(Collectors.joining(" or ", "(", ")"));
        }
        if (criteria instanceof Criteria.In in) {
            return in.literals().stream().map(l -> comparison(new Criteria.Comparison(in.attribute(), Criteria.Operator.EQ, l)))
                    .collect(Collectors.joining(" or ", "(", ")"));
        }
        return comparison((Criteria.Comparison) criteria);
    }

    private String comparison(Criteria.Comparison c) {
        String exists = "exists (select 1 from member_attribute a where a.member_id = m.id and a.key = " + parameter(c.attribute());
        if (c.literal() instanceof Criteria.Text text && !c.operator().isOrdering()) {
            return exists + " and a.value " + (c.operator() == Criteria.Operator.EQ ? "=" : "<>") + " " + parameter(text.value()) + ")";
        }
        BigDecimal right = c.literal() instanceof Criteria.Number n ? n.value() : numberOrNull(((Criteria.Text) c.literal()).value());
        if (right == null) {
            parameters.remove(parameters.size() - 1);
            return "false";
        }
        String op = c.operator() == Criteria.Operator.NE ? "<>" : c.operator().symbol();
        return exists + " and a.value ~ " + NUMBER + " and (case when a.value ~ " + NUMBER
                + " then cast(a.value as numeric) end) " + op + " " + parameter(right) + ")";
    }

    private String parameter(Object value) {
        parameters.add(value);
        return "?" + (firstIndex + parameters.size() - 1);
    }

    private static BigDecimal numberOrNull(String text) {
        return text.matches("-?[0-9]+(\\.[0-9]+)?") ? new BigDecimal(text) : null;
    }
}
