package dev.tusk.parser;

/** Token classes of PostgreSQL's scanner ({@code scan.l}), merged where the grammar does not tell them apart. */
public enum TokenKind {
    /** An identifier or keyword; quoted identifiers are never keywords. */
    IDENT,
    /** A string constant of any spelling ('..', E'..', U&amp;'..', N'..', $$..$$); value is the decoded string. */
    SCONST,
    /** B'0101' bit string; value "b0101". */
    BCONST,
    /** X'1F' hex bit string; value "x1F". */
    XCONST,
    /** An integer literal that fits int4. */
    ICONST,
    /** Any other numeric literal (decimal, exponent, or an integer too big for int4); value is its text. */
    FCONST,
    /** $n; value is n's digits. */
    PARAM,
    /** An operator: + - * / % ^ &lt; &gt; = and every multi-character operator; "!=" has value "&lt;&gt;". */
    OP,
    /** Punctuation: ( ) [ ] , ; . : :: .. := =&gt; and a lone $. */
    PUNCT,
    /** End of input. */
    EOF
}
