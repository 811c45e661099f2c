package dev.tusk.utils.adt;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * to_char for numbers (formatting.c NUM_*): digit positions 9 and 0, decimal point . or D, group separator , or G,
 * sign handling (default leading sign column, S, MI, PL, SG, PR), FM fill mode; too many digits print as '#'.
 */
final class NumericFormat {
    private NumericFormat() {
    }

    static String format(BigDecimal value, String fmt) {
        if (NumericType.isSpecial(value)) {
            value = BigDecimal.ZERO;
        }
        boolean fm = false;
        boolean thUpper = false;
        boolean pr = false;
        boolean hasS = false;
        boolean sAtEnd = false;
        boolean mi = false;
        int intDigits = 0;
        int fracDigits = 0;
        boolean afterPoint = false;
        StringBuilder pattern = new StringBuilder();
        String f = fmt;
        for (int i = 0; i < f.length(); i++) {
            char c = f.charAt(i);
            String rest = f.substring(i).toUpperCase(java.util.Locale.ROOT);
            if (rest.startsWith("FM")) {
                fm = true;
                i++;
            } else if (rest.startsWith("PR")) {
                pr = true;
                i++;
            } else if (rest.startsWith("MI")) {
                mi = true;
                pattern.append('M');
                i++;
            } else if (f.startsWith("TH", i) || f.startsWith("th", i)) {
                thUpper = c == 'T';
                pattern.append(TH_MARK);
                i++;
            } else if (rest.startsWith("PL") || rest.startsWith("SG")) {
                pattern.append(rest.startsWith("PL") ? 'P' : 'G');
                i++;
            } else if (c == 'S' || c == 's') {
                hasS = true;
                sAtEnd = intDigits > 0 || afterPoint;
                pattern.append('S');
            } else if (c == '9' || c == '0') {
                if (afterPoint) {
                    fracDigits++;
                } else {
                    intDigits++;
                }
                pattern.append(c);
            } else if (c == '.' || c == 'D' || c == 'd') {
                afterPoint = true;
                pattern.append('.');
            } else if (c == ',' || c == 'G' || c == 'g') {
                pattern.append(',');
            } else {
                pattern.append(c == '"' ? "" : String.valueOf(c));
            }
        }
        boolean neg = value.signum() < 0;
        BigDecimal abs = value.abs().setScale(fracDigits, RoundingMode.HALF_UP);
        neg = neg && abs.signum() != 0;
        String intStr = abs.toBigInteger().toString();
        if (intStr.equals("0")) {
            intStr = "";
        }
        String fracStr = fracDigits == 0 ? "" : abs.toPlainString().substring(abs.toPlainString().indexOf('.') + 1);
        boolean overflow = intStr.length() > intDigits;
        StringBuilder body = new StringBuilder();
        int intPos = 0;
        int fracPos = 0;
        boolean started = false;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            switch (c) {
                case '9', '0' -> {
                    if (fracPos == 0 && !afterPointReached(pattern, i)) {
                        int digitIndex = intPos - (intDigits - intStr.length());
                        boolean lastInt = intPos == intDigits - 1;
                        intPos++;
                        if (overflow) {
                            body.append('#');
                        } else if (digitIndex >= 0) {
                            body.append(intStr.charAt(digitIndex));
                            started = true;
                        } else if (c == '0' || started) {
                            body.append('0');
                            started = true;
                        } else if (lastInt && fracDigits == 0) {
                            body.append('0');
                            started = true;
                        } else {
                            body.append(' ');
                        }
                    } else {
                        body.append(overflow ? '#' : fracStr.charAt(fracPos));
                        fracPos++;
                    }
                }
                case '.' -> body.append('.');
                case ',' -> body.append(started ? "," : " ");
                case 'M' -> body.append(neg ? '-' : ' ');
                case 'P' -> body.append(neg ? ' ' : '+');
                case 'G' -> body.append(neg ? '-' : '+');
                case 'S' -> { }
                case TH_MARK -> {
                    // formatting.c skips TH for negative numbers, decimal formats and overflow
                    if (!neg && !afterPoint && !overflow) {
                        String suffix = ordinal(intStr);
                        body.append(thUpper ? suffix.toUpperCase(java.util.Locale.ROOT) : suffix);
                    }
                }
                default -> body.append(c);
            }
        }
        String s = body.toString();
        if (fm && fracDigits > 0 && !overflow) {
            // fill mode drops trailing zeros of the fraction's 9 positions; 0 positions always print
            int minFrac = 0;
            int fracIndex = 0;
            int patPoint = pattern.indexOf(".");
            for (int i = patPoint + 1; patPoint >= 0 && i < pattern.length(); i++) {
                char pc = pattern.charAt(i);
                if (pc == '9' || pc == '0') {
                    fracIndex++;
                    if (pc == '0') {
                        minFrac = fracIndex;
                    }
                }
            }
            int end = s.length();
            int point = s.indexOf('.');
            while (end > point + 1 + minFrac && s.charAt(end - 1) == '0') {
                end--;
            }
            s = s.substring(0, end);
        }
        int first = 0;
        while (first < s.length() && s.charAt(first) == ' ') {
            first++;
        }
        String lead = s.substring(0, first);
        String rest = s.substring(first);
        String out;
        if (pr) {
            out = lead + (neg ? "<" : " ") + rest + (neg ? ">" : " ");
        } else if (hasS) {
            String sign = neg ? "-" : "+";
            out = sAtEnd ? lead + rest + sign : lead + sign + rest;
        } else if (mi || pattern.indexOf("P") >= 0 || pattern.indexOf("G") >= 0) {
            out = s;
        } else {
            out = lead + (neg ? "-" : " ") + rest;
        }
        if (fm) {
            out = out.strip();
            if (!neg && !hasS && !pr && out.startsWith("+") && pattern.indexOf("P") < 0) {
                out = out.substring(1);
            }
        }
        return out;
    }

    /**
     * to_number: reads as many integer digits as the format has digit positions (9 or 0) before its decimal point
     * (. or D) and as many fraction digits as it has after it, skipping everything else; a '-' anywhere (S, MI,
     * SG, a leading sign) or angle brackets with PR make the number negative.
     */
    static BigDecimal toNumber(String input, String fmt) {
        String uf = fmt.toUpperCase(java.util.Locale.ROOT);
        int intPositions = 0;
        int fracPositions = 0;
        boolean point = false;
        for (int i = 0; i < uf.length(); i++) {
            char c = uf.charAt(i);
            if (c == '9' || c == '0') {
                if (point) {
                    fracPositions++;
                } else {
                    intPositions++;
                }
            } else if (c == '.' || c == 'D') {
                point = true;
            } else if (c == '"') {
                int close = uf.indexOf('"', i + 1);
                i = close < 0 ? uf.length() : close;
            }
        }
        boolean neg = input.indexOf('-') >= 0 || uf.contains("PR") && input.indexOf('<') >= 0;
        StringBuilder intPart = new StringBuilder();
        StringBuilder fracPart = new StringBuilder();
        boolean inFrac = false;
        boolean sawPoint = false;
        for (int i = 0; i < input.length(); i++) {
            char c = input.charAt(i);
            if (c == '.' && !inFrac && point) {
                inFrac = true;
                sawPoint = true;
            } else if (Character.isDigit(c)) {
                if (inFrac) {
                    if (fracPart.length() >= fracPositions) {
                        break;
                    }
                    fracPart.append(c);
                } else {
                    if (intPart.length() >= intPositions) {
                        break;
                    }
                    intPart.append(c);
                }
            }
        }
        if (intPart.isEmpty() && fracPart.isEmpty() && !sawPoint) {
            throw AdtErrors.invalidSyntax("numeric", input);
        }
        BigDecimal r = new BigDecimal((intPart.isEmpty() ? "0" : intPart.toString())
                + (fracPart.isEmpty() ? "" : "." + fracPart));
        return neg ? r.negate() : r;
    }

    /** Marks where TH/th stood in the format (a private-use character no format can contain literally). */
    private static final char TH_MARK = (char) 0xE000;

    /** get_th: st, nd, rd or th for the integer's last digits. */
    private static String ordinal(String digits) {
        int n = digits.isEmpty() ? 0 : digits.charAt(digits.length() - 1) - '0';
        boolean teen = digits.length() > 1 && digits.charAt(digits.length() - 2) == '1';
        if (teen) {
            return "th";
        }
        return switch (n) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
    }

    private static boolean afterPointReached(CharSequence pattern, int index) {
        for (int i = 0; i < index; i++) {
            if (pattern.charAt(i) == '.') {
                return true;
            }
        }
        return false;
    }
}
