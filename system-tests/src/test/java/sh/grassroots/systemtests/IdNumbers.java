package sh.grassroots.systemtests;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ThreadLocalRandom;

/** Resident ID numbers for test members. */
final class IdNumbers {
    private IdNumbers() {
    }

    /** A valid resident ID number (GB 11643 check character), different every call. */
    static String next() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String birth = LocalDate.of(1960, 1, 1).plusDays(random.nextInt(10_000)).format(DateTimeFormatter.BASIC_ISO_DATE);
        String first17 = "310110" + birth + String.format("%03d", random.nextInt(1000));
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * weights[i];
        }
        return first17 + "10X98765432".charAt(sum % 11);
    }
}
