using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NodaTime;
using Ondermijning.Engine.Common;

namespace Ondermijning.Engine.Privacy;

/// <summary>What was done with gated information (after VNG's "Logboek Dataverwerkingen").</summary>
public enum AccessAction { Read, Add, Export, Erase }

/// <summary>One processing of information, before it takes its place in the chain.</summary>
public sealed record AccessEntry(Actor Actor, CaseId? CaseId, InformationItemId? ItemId, AccessAction Action, string Purpose, string LegalBasis);

/// <summary>
/// One line of the append-only access log. Each record carries the SHA-256 of its own canonical content, which
/// includes the previous record's hash, so altering, inserting or removing any record breaks the chain from there on.
/// </summary>
public sealed class AccessLogRecord
{
    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    private AccessLogRecord() { }

    /// <summary>Position in the chain, from 1, without gaps.</summary>
    public long Sequence { get; private set; }
    public Instant At { get; private set; }
    public string UserId { get; private set; } = "";
    public OrganisationId Organisation { get; private set; }
    public CaseId? CaseId { get; private set; }
    public InformationItemId? ItemId { get; private set; }
    public AccessAction Action { get; private set; }
    /// <summary>Why: the table and stage the information was shared for.</summary>
    public string Purpose { get; private set; } = "";
    public string LegalBasis { get; private set; } = "";
    public string PreviousHash { get; private set; } = "";
    public string Hash { get; private set; } = "";

    internal static AccessLogRecord After(AccessLogRecord? previous, AccessEntry entry, Instant at)
    {
        var record = new AccessLogRecord
        {
            Sequence = (previous?.Sequence ?? 0) + 1,
            At = at,
            UserId = entry.Actor.UserId,
            Organisation = entry.Actor.Organisation,
            CaseId = entry.CaseId,
            ItemId = entry.ItemId,
            Action = entry.Action,
            Purpose = entry.Purpose,
            LegalBasis = entry.LegalBasis,
            PreviousHash = previous?.Hash ?? GenesisHash,
        };
        record.Hash = record.ComputeHash();
        return record;
    }

    /// <summary>
    /// The hash over a fixed-order JSON array of every field but the hash itself. JSON escaping keeps field
    /// boundaries unambiguous, whatever a purpose or legal basis contains.
    /// </summary>
    public string ComputeHash()
    {
        var canonical = JsonSerializer.Serialize(new object?[]
        {
            Sequence, At.ToUnixTimeTicks(), UserId, Organisation.Value, CaseId?.ToString(), ItemId?.ToString(),
            Action.ToString(), Purpose, LegalBasis, PreviousHash,
        });
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }
}

internal sealed class AccessLogRecordConfiguration : IEntityTypeConfiguration<AccessLogRecord>
{
    public void Configure(EntityTypeBuilder<AccessLogRecord> r)
    {
        r.ToTable("access_log");
        r.HasKey(x => x.Sequence);
        // The chain decides the number, not the database.
        r.Property(x => x.Sequence).ValueGeneratedNever();
        r.Property(x => x.UserId).HasMaxLength(200);
        r.Property(x => x.Action).HasConversion<string>().HasMaxLength(16);
        r.Property(x => x.Purpose).HasMaxLength(200);
        r.Property(x => x.LegalBasis).HasMaxLength(500);
        r.Property(x => x.PreviousHash).HasMaxLength(64);
        r.Property(x => x.Hash).HasMaxLength(64);
        r.HasIndex(x => x.CaseId);
        r.HasIndex(x => x.UserId);
    }
}
