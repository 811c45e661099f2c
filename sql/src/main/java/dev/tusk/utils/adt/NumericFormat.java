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
                default -> body.append(c);
            }
        }
        String s = body.toString();
        if (fm && fracDigits > 0 && !overflow) {
            // fill mode drops trailing zeros of the fraction (9 positions)
            int end = s.length();
            int point = s.indexOf('.');
            while (end > point + 1 && s.charAt(end - 1) == '0') {
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

    private static boolean afterPointReached(CharSequence pattern, int index) {
        for (int i = 0; i < index; i++) {
            if (pattern.charAt(i) == '.') {
                return true;
            }
        }
        return false;
    }
}
