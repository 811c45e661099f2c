package dev.tusk.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** PostgreSQL's lexical rules (scan.l) as the lexer applies them. */
class LexerTest {

    private static List<Token> lex(String s) {
        Lexer l = new Lexer(s);
        List<Token> out = new ArrayList<>();
        while (true) {
            Token t = l.next();
            if (t.kind() == TokenKind.EOF) {
                return out;
            }
            out.add(t);
        }
    }

    private static List<String> values(String s) {
        return lex(s).stream().map(Token::value).toList();
    }

    @Test
    void identifiersFoldToLowerCaseUnlessQuoted() {
        List<Token> t = lex("SeLeCt FooBar \"FooBar\" \"a\"\"b\" _x$1 café");
        assertEquals("select", t.get(0).keyword());
        assertEquals("foobar", t.get(1).value());
        assertNull(t.get(1).keyword());
        assertEquals("FooBar", t.get(2).value());
        assertEquals("a\"b", t.get(3).value());
        assertEquals("_x$1", t.get(4).value());
        assertEquals("café", t.get(5).value());
    }

    @Test
    void quotedKeywordIsAnIdentifier() {
        Token t = lex("\"select\"").get(0);
        assertEquals(TokenKind.IDENT, t.kind());
        assertNull(t.keyword());
    }

    @Test
    void longIdentifiersAreTruncatedTo63Bytes() {
        String name = "a".repeat(70);
        assertEquals("a".repeat(63), lex(name).get(0).value());
    }

    @Test
    void stringConstants() {
        assertEquals(List.of("it's"), values("'it''s'"));
        assertEquals(List.of("a\\nb"), values("'a\\nb'"));
        assertEquals(List.of("a\nb\tc'"), values("E'a\\nb\\tc\\''"));
        assertEquals(List.of("é"), values("E'\\303\\251'"));
        assertEquals(List.of("é"), values("E'\\xC3\\xA9'"));
        assertEquals(List.of("é"), values("E'\\u00e9'"));
        assertEquals(List.of("body 'x' $y"), values("$$body 'x' $y$$"));
        assertEquals(List.of("a $$ b"), values("$fn$a $$ b$fn$"));
        assertEquals(List.of("data"), values("U&'d\\0061t\\+000061'"));
        assertEquals(List.of("data"), values("U&'d!0061ta' UESCAPE '!'"));
    }

    @Test
    void adjacentStringsSeparatedByNewlineConcatenate() {
        assertEquals(List.of("foobar"), values("'foo'\n  'bar'"));
        assertEquals(List.of("foobar"), values("'foo' -- c\n'bar'"));
        assertEquals(List.of("foo", "bar"), values("'foo' 'bar'"));
    }

    @Test
    void nationalCharacterLiteralIsNcharKeywordThenString() {
        List<Token> t = lex("N'x'");
        assertEquals("nchar", t.get(0).keyword());
        assertEquals(TokenKind.SCONST, t.get(1).kind());
    }

    @Test
    void bitStrings() {
        List<Token> t = lex("B'1010' X'1F'");
        assertEquals(TokenKind.BCONST, t.get(0).kind());
        assertEquals("b1010", t.get(0).value());
        assertEquals(TokenKind.XCONST, t.get(1).kind());
        assertEquals("x1F", t.get(1).value());
    }

    @Test
    void numbersAreClassifiedLikePostgres() {
        List<Token> t = lex("42 2147483647 2147483648 1.5 .5 5. 1e10 1.5E-3");
        assertEquals(TokenKind.ICONST, t.get(0).kind());
        assertEquals(TokenKind.ICONST, t.get(1).kind());
        assertEquals(TokenKind.FCONST, t.get(2).kind());
        for (int i = 3; i < t.size(); i++) {
            assertEquals(TokenKind.FCONST, t.get(i).kind(), t.get(i).value());
        }
        // "1..2" is the integer 1 followed by ".." (PostgreSQL's decimalfail rule)
        assertEquals(List.of("1", "..", "2"), values("1..2"));
    }

    @Test
    void operatorsFollowPostgresTrimmingRules() {
        assertEquals(List.of("a", "=", "-", "1"), values("a=-1"));
        assertEquals(List.of("a", "@-", "1"), values("a @-1"));
        assertEquals(List.of("<>", "<>", ">=", "<=", "||", "->>", "->", "@>", "~*", "!~", "::"),
                values("<> != >= <= || ->> -> @> ~* !~ ::"));
        assertEquals(List.of("a", "+", "b"), values("a+/*c*/b"));
        assertEquals(List.of("a", "*", "b"), values("a*--c\nb"));
    }

    @Test
    void commentsNestAndParametersLex() {
        assertEquals(List.of("select", "1"), values("/* a /* nested */ still */ select -- tail\n 1"));
        List<Token> t = lex("$1 $23");
        assertEquals(TokenKind.PARAM, t.get(0).kind());
        assertEquals("23", t.get(1).value());
    }

    @Test
    void backslashesEscapeWhenStandardConformingStringsIsOff() {
        Lexer l = new Lexer("'a\\'b\\\\'", false);
        assertEquals("a'b\\", l.next().value());
    }

    @Test
    void keywordCategoriesComeFromPostgres() {
        assertEquals(Keywords.Category.UNRESERVED, Keywords.lookup("name").category());
        assertEquals(Keywords.Category.COL_NAME, Keywords.lookup("int").category());
        assertEquals(Keywords.Category.TYPE_FUNC_NAME, Keywords.lookup("left").category());
        assertEquals(Keywords.Category.RESERVED, Keywords.lookup("select").category());
        assertNull(Keywords.lookup("foo"));
        assertEquals(460, Keywords.all().size());
    }

    @Test
    void tokenPositionsAreOffsetsIntoTheString() {
        List<Token> t = lex("  select  x");
        assertEquals(2, t.get(0).start());
        assertEquals(8, t.get(0).end());
        assertEquals(10, t.get(1).start());
    }
}
