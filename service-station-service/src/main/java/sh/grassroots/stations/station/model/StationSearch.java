package sh.grassroots.stations.station.model;

import java.util.UUID;

/**
 * What a person looks for in the station directory. {@code near()} when both coordinates are
 * given: the list is then nearest first (stations without a location are not on it), otherwise
 * by name. {@code after} is the keyset of the last station of the previous page.
 */
public record StationSearch(String district, String service, boolean openNow, Double latitude, Double longitude,
                            int limit, After after) {

    public boolean near() {
        return latitude != null && longitude != null;
    }

    /** The last station shown: its distance key (near me) or its name, and its id. */
    public record After(boolean near, String key, UUID id) {
        private static final String NEAR = "d";
        private static final String BY_NAME = "n";

        public static String encode(boolean near, String key, UUID id) {
            return (near ? NEAR : BY_NAME) + "|" + id + "|" + key;
        }

        /** The key of a cursor, or null when it is not one of this list (for this order). */
        public static After decode(String text, boolean near) {
            String[] parts = text.split("\\|", 3);
            if (parts.length != 3 || !parts[0].equals(near ? NEAR : BY_NAME)) {
                return null;
            }
            try {
                UUID id = UUID.fromString(parts[1]);
                if (near) {
                    double distance = Double.parseDouble(parts[2]);
                    if (!Double.isFinite(distance) || distance < 0) {
                        return null;
                    }
                }
                return new After(near, parts[2], id);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
    }
}
