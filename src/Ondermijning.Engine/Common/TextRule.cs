namespace Ondermijning.Engine.Common;

/// <summary>Single-line text (names, codes, places) or multi-line text (descriptions, notes, reasons).</summary>
public enum TextKind
{
    SingleLine,
    MultiLine,
}

/// <summary>
/// What any stored text must be: within its limit, free of control characters (a multi-line field keeps its line breaks
/// and tabs) and of lone UTF-16 surrogates, which no database encoding can store and which PostgreSQL refuses with an error
/// instead of a refusal.
/// </summary>
public static class TextRule
{
    /// <summary>The trimmed text, or the rule it breaks; null and white space are "nothing", for the caller to require.</summary>
    public static Breach? Check(string? text, int limit, TextKind kind, out string? trimmed)
    {
        trimmed = string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        return trimmed is null ? null : Check(trimmed, limit, kind);
    }

    public static Breach? Check(string text, int limit, TextKind kind)
    {
        if (text.Length > limit) return new Breach(FieldRule.TooLong, $"Use at most {limit} characters (this has {text.Length}).", limit);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }
            if (char.IsSurrogate(c))
                return new Breach(FieldRule.LoneSurrogate, $"The text holds an invalid character (a lone UTF-16 surrogate) at position {i + 1}.");
            if (char.IsControl(c) && !(kind == TextKind.MultiLine && c is '\n' or '\r' or '\t'))
                return new Breach(FieldRule.ControlCharacter,
                    $"The text holds a control character (U+{(int)c:X4}) at position {i + 1}" +
                    (kind == TextKind.SingleLine ? "; this field is one line without tabs." : "."));
        }
        return null;
    }
}
