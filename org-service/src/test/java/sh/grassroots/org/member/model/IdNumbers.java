package sh.grassroots.org.member.model;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/** Valid, distinct ID numbers for tests: a Yangpu area code, a birth date, a sequence and the right check digit. */
public final class IdNumbers {
    private static final AtomicInteger NEXT = new AtomicInteger(ThreadLocalRandom.current().nextInt(5_000_000));

    private IdNumbers() {
    }

    public static String aValidIdNumber() {
        int n = NEXT.getAndIncrement();
        String birth = LocalDate.of(1950, 1, 1).plusDays(n / 1000 % 18_000).format(DateTimeFormatter.BASIC_ISO_DATE);
        String first17 = "310110" + birth + String.format("%03d", n % 1000);
        return first17 + IdNumber.checkCharacter(first17);
    }
}
