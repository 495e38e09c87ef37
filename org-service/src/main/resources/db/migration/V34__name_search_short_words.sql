-- Name search by one or two characters (a surname, a two-character given name: 张红): trigrams
-- have nothing to match in so short a word, and the search then walked the name index through most
-- of the city's members (4 s at 2.2 million in bench/org-city-scale.sh). Each current member's
-- name is indexed by its single characters and pairs of characters, lower-cased as ILIKE compares.
create function name_grams(name text) returns text[]
    language sql immutable strict parallel safe
    return array(select substr(lower(name), i, n)
                 from generate_series(1, char_length(name)) as i, (values (1), (2)) as g(n)
                 where i + n - 1 <= char_length(name));

create index member_name_grams on member using gin (name_grams(name)) where left_on is null;
