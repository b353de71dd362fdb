package coop.minka.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/// Parses the lower-case wire names of the domain's enums, with a catalogued error listing the
/// allowed values.
public final class Choices {
    private Choices() {
    }

    public static <E extends Enum<E>> E parse(Class<E> type, String s) {
        if (s != null) {
            String t = s.strip().toUpperCase(Locale.ROOT).replace("-", "");
            for (E e : type.getEnumConstants()) {
                if (e.name().equals(t)) {
                    return e;
                }
            }
        }
        String allowed = Arrays.stream(type.getEnumConstants())
                .map(e -> e.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));
        throw new MinkaException(ErrorCode.BAD_CHOICE, s, allowed);
    }
}
