using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NodaTime;
using Ondermijning.Engine.Common;

namespace Ondermijning.Engine.Signals;

/// <summary>
/// The code a reporter gets once, at registration, to look up how their signal is doing. 100 random bits in
/// Crockford base32 (no I, L, O or U to misread), in groups of five. Not derived from the case, so it reveals nothing.
/// </summary>
public readonly record struct ReceiptCode
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private const int Symbols = 20;
    /// <summary>The longest text a reporter may type as a code: its 23 characters with room for spaces and slips.</summary>
    public const int MaxTyped = 40;

    public string Value { get; }

    private ReceiptCode(string value) => Value = value;

    public static ReceiptCode Generate()
    {
        // 20 symbols of 5 bits are exactly 100 random bits: one draw of 13 bytes, read five bits at a time.
        Span<byte> random = stackalloc byte[13];
        RandomNumberGenerator.Fill(random);
        var symbols = new char[Symbols];
        for (var i = 0; i < Symbols; i++)
        {
            var bit = i * 5;
            var window = (random[bit / 8] << 8) | random[bit / 8 + 1];
            symbols[i] = Alphabet[(window >> (11 - bit % 8)) & 31];
        }
        return new ReceiptCode(string.Join("-", symbols.Chunk(5).Select(group => new string(group))));
    }

    /// <summary>
    /// Only this hash is stored. Typing slips a human makes (lower case, missing dashes, I/L for 1, O for 0) give the
    /// same hash, as Crockford base32 intends.
    /// </summary>
    public static string Hash(string typed)
    {
        var normalised = new string(typed.ToUpperInvariant()
            .Where(ch => ch is not ('-' or ' '))
            .Select(ch => ch switch { 'I' or 'L' => '1', 'O' => '0', _ => ch })
            .ToArray());
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalised)));
    }

    public override string ToString() => Value;
}

/// <summary>
/// The feedback an OOV regisseur wrote for the reporter, one per case, and the hash of the code with which the reporter
/// reads it. A signal from Meld Misdaad Anoniem has no code: nobody at the municipality can hand it out, and the feedback
/// goes back through Meld Misdaad Anoniem.
/// </summary>
public sealed class ReporterReceipt
{
    private ReporterReceipt() { }

    internal ReporterReceipt(CaseId caseId, ReceiptCode? code)
    {
        CodeHash = code is { } c ? ReceiptCode.Hash(c.Value) : null;
        CaseId = caseId;
    }

    public CaseId CaseId { get; private set; }
    public string? CodeHash { get; private set; }
    public string? Feedback { get; private set; }
    public Instant? FeedbackAt { get; private set; }
    public string? FeedbackByUserId { get; private set; }

    internal void WriteFeedback(string text, Instant now, Actor actor)
    {
        Feedback = text;
        FeedbackAt = now;
        FeedbackByUserId = actor.UserId;
    }
}

internal sealed class ReporterReceiptConfiguration : IEntityTypeConfiguration<ReporterReceipt>
{
    public void Configure(EntityTypeBuilder<ReporterReceipt> r)
    {
        r.ToTable("reporter_receipts");
        r.HasKey(x => x.CaseId);
        r.Property(x => x.CodeHash).HasMaxLength(64);
        r.HasIndex(x => x.CodeHash).IsUnique();
        r.Property(x => x.Feedback).HasMaxLength(Limits.Feedback);
        r.Property(x => x.FeedbackByUserId).HasMaxLength(Limits.Name);
        r.HasOne<Cases.Case>().WithOne().HasForeignKey<ReporterReceipt>(x => x.CaseId);
    }
}
