using System.Diagnostics;
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

/// <summary>
/// The processing activities the engine logs, as stable ids (Logboek Dataverwerkingen's "verwerkingsactiviteit"):
/// a register of processing activities can refer to them, so they never change once records carry them.
/// </summary>
public static class ProcessingActivity
{
    public const string ReadInformation = "informatie-inzien";
    public const string SearchInformation = "informatie-zoeken";
    public const string RecordInformation = "informatie-vastleggen";
    public const string ExportCase = "dossier-exporteren";
    /// <summary>A look at a case's content behind a case gate.</summary>
    public const string ReadCase = "zaak-inzien";
    public const string EraseAfterRetention = "bewaartermijn-wissen";
}

/// <summary>One processing of information, before it takes its place in the chain.</summary>
/// <param name="Municipality">The case's municipality: whose administrators may see the record.</param>
/// <param name="Activity">One of <see cref="ProcessingActivity"/>.</param>
public sealed record AccessEntry(Actor Actor, CaseId? CaseId, MunicipalityCode? Municipality, InformationItemId? ItemId, AccessAction Action,
    string Activity, string Purpose, string LegalBasis);

/// <summary>
/// One line of the append-only access log. Each record carries the SHA-256 of its own canonical content, which
/// includes the previous record's hash, so altering, inserting or removing any record breaks the chain from there on.
/// </summary>
public sealed class AccessLogRecord
{
    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>
    /// 1: the first records (time in 100-ns ticks; no activity, subject, trace or municipality in the hash).
    /// 2: the time cut to whole microseconds when the record is made, which both databases keep exactly, and the
    /// Logboek fields hashed too.
    /// A record is checked by the form it was written in, so older records keep verifying.
    /// </summary>
    public const int CurrentFormat = 2;

    /// <summary>The data subject is referred to through the case: it names the persons concerned without holding them.</summary>
    public const string CaseSubjectType = "zaak";

    private AccessLogRecord() { }

    /// <summary>Position in the chain, from 1, without gaps.</summary>
    public long Sequence { get; private set; }
    public int FormatVersion { get; private set; }
    public Instant At { get; private set; }
    public string UserId { get; private set; } = "";
    public OrganisationId Organisation { get; private set; }
    /// <summary>The case's municipality. Format 1 records got theirs from their case when the column was added; it is not in their hash.</summary>
    public MunicipalityCode? Municipality { get; private set; }
    public CaseId? CaseId { get; private set; }
    public InformationItemId? ItemId { get; private set; }
    public AccessAction Action { get; private set; }
    /// <summary>Which processing activity (<see cref="Privacy.ProcessingActivity"/>); empty in format 1.</summary>
    public string? ProcessingActivity { get; private set; }
    public string? DataSubjectType { get; private set; }
    public string? DataSubjectId { get; private set; }
    /// <summary>The W3C trace id of the request or job that did it, to find it in the service's own logs.</summary>
    public string? TraceId { get; private set; }
    /// <summary>Why: the table and stage the information was shared for.</summary>
    public string Purpose { get; private set; } = "";
    public string LegalBasis { get; private set; } = "";
    public string PreviousHash { get; private set; } = "";
    public string Hash { get; private set; } = "";

    internal static AccessLogRecord After(AccessLogRecord? previous, AccessEntry entry, Instant at, string? traceId)
    {
        var record = new AccessLogRecord
        {
            Sequence = (previous?.Sequence ?? 0) + 1,
            FormatVersion = CurrentFormat,
            At = at.ToWholeMicroseconds(),
            UserId = entry.Actor.UserId,
            Organisation = entry.Actor.Organisation,
            Municipality = entry.Municipality,
            CaseId = entry.CaseId,
            ItemId = entry.ItemId,
            Action = entry.Action,
            ProcessingActivity = entry.Activity,
            DataSubjectType = entry.CaseId is null ? null : CaseSubjectType,
            DataSubjectId = entry.CaseId?.Value.ToString(),
            TraceId = traceId,
            Purpose = entry.Purpose,
            LegalBasis = entry.LegalBasis,
            PreviousHash = previous?.Hash ?? GenesisHash,
        };
        record.Hash = record.ComputeHash();
        return record;
    }

    /// <summary>The current W3C trace id, if the work runs inside a trace (a request does; a scheduled job may not).</summary>
    internal static string? CurrentTraceId() =>
        Activity.Current is { IdFormat: ActivityIdFormat.W3C } activity ? activity.TraceId.ToHexString() : null;

    /// <summary>
    /// The hash over a fixed-order JSON array of every hashed field, in the record's format. JSON escaping keeps field
    /// boundaries unambiguous, whatever a purpose or legal basis contains.
    /// </summary>
    public string ComputeHash() => FormatVersion switch
    {
        1 => Sha256(FormatOne(At.ToUnixTimeTicks())),
        _ => Sha256(
        [
            FormatVersion, Sequence, At.ToUnixTimeTicks(), UserId, Organisation.Value, Municipality?.Value, CaseId?.ToString(),
            ItemId?.ToString(), Action.ToString(), ProcessingActivity, DataSubjectType, DataSubjectId, TraceId, Purpose, LegalBasis,
            PreviousHash,
        ]),
    };

    /// <summary>
    /// Whether the stored record still hashes to its hash. Format 1 hashed 100-ns ticks, of which PostgreSQL stored only
    /// whole microseconds (Npgsql drops the rest); for such a record the nine times the dropped digit could have made
    /// are tried too, so a log written before format 2 verifies on PostgreSQL as well. Only that digit goes unprotected.
    /// </summary>
    public bool HashMatches()
    {
        if (ComputeHash() == Hash) return true;
        var ticks = At.ToUnixTimeTicks();
        return FormatVersion == 1 && ticks % 10 == 0 && Enumerable.Range(1, 9).Any(dropped => Sha256(FormatOne(ticks + dropped)) == Hash);
    }

    private object?[] FormatOne(long ticks) =>
    [
        Sequence, ticks, UserId, Organisation.Value, CaseId?.ToString(), ItemId?.ToString(), Action.ToString(), Purpose, LegalBasis,
        PreviousHash,
    ];

    private static string Sha256(object?[] canonical) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(canonical))));
}

internal sealed class AccessLogRecordConfiguration : IEntityTypeConfiguration<AccessLogRecord>
{
    public void Configure(EntityTypeBuilder<AccessLogRecord> r)
    {
        r.ToTable("access_log");
        r.HasKey(x => x.Sequence);
        // The chain decides the number, not the database.
        r.Property(x => x.Sequence).ValueGeneratedNever();
        // Rows from before the column existed are format 1.
        r.Property(x => x.FormatVersion).HasDefaultValue(1).ValueGeneratedNever();
        r.Property(x => x.UserId).HasMaxLength(Limits.Name);
        r.Property(x => x.Action).HasConversion<string>().HasMaxLength(16);
        r.Property(x => x.ProcessingActivity).HasMaxLength(64);
        r.Property(x => x.DataSubjectType).HasMaxLength(32);
        r.Property(x => x.DataSubjectId).HasMaxLength(64);
        r.Property(x => x.TraceId).HasMaxLength(32);
        r.Property(x => x.Purpose).HasMaxLength(Limits.Label);
        r.Property(x => x.LegalBasis).HasMaxLength(Limits.LegalBasis);
        r.Property(x => x.PreviousHash).HasMaxLength(64);
        r.Property(x => x.Hash).HasMaxLength(64);
        r.HasIndex(x => x.CaseId);
        r.HasIndex(x => x.UserId);
        r.HasIndex(x => new { x.Municipality, x.Sequence });
    }
}
