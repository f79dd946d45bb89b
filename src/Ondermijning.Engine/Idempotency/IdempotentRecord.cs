using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NodaTime;
using Ondermijning.Engine.Common;
using Ondermijning.Engine.Signals;

namespace Ondermijning.Engine.Idempotency;

/// <summary>
/// Which record a client's idempotency key created, so a retry of the same request answers with that record instead of
/// recording it again. Written in the same transaction as the record (<see cref="Persistence.OndermijningDbContext.AddRecord"/>),
/// so a crash leaves both or neither. The scope (operation, organisation, user) keeps one client's keys apart from
/// another's: the same key sent by someone else is a different key.
/// </summary>
public sealed class IdempotentRecord
{
    public const int MaxScopeLength = 400;

    private IdempotentRecord() { }

    internal IdempotentRecord(IdempotencyClaim claim, string recordKind, string recordId, Instant createdAt)
    {
        Scope = claim.Scope;
        Key = claim.Key.Key;
        Fingerprint = claim.Key.Fingerprint;
        RecordKind = recordKind;
        RecordId = recordId;
        CreatedAt = createdAt;
    }

    public string Scope { get; private set; } = "";
    public string Key { get; private set; } = "";
    /// <summary>A hash of the request as parsed: the same key with another request is refused, not answered with this record.</summary>
    public string Fingerprint { get; private set; } = "";
    /// <summary>The entity type of the record, as the model names it.</summary>
    public string RecordKind { get; private set; } = "";
    /// <summary>The record's primary key as stored.</summary>
    public string RecordId { get; private set; } = "";
    public Instant CreatedAt { get; private set; }
}

/// <summary>An idempotency key that arrived with a request, and the scope it belongs to.</summary>
/// <param name="Scope">The operation and the client that sent it, e.g. "POST /api/bibob-screenings | gemeente-maastricht | oov-1".</param>
public sealed record IdempotencyClaim(string Scope, IdempotencyKey Key)
{
    public static IdempotencyClaim For(string operation, Actor actor, IdempotencyKey key)
    {
        var scope = $"{operation} | {actor.Organisation} | {actor.UserId}";
        return new IdempotencyClaim(scope.Length <= IdempotentRecord.MaxScopeLength ? scope : scope[..IdempotentRecord.MaxScopeLength], key);
    }
}

/// <summary>
/// The idempotency key of the current unit of work, if its request carried one, and what became of it: a record was
/// stamped with it, or an earlier record was returned for it.
/// </summary>
public sealed class RequestIdempotency
{
    public IdempotencyClaim? Claim { get; private set; }

    /// <summary>A new record was added with the key; it is stored when the record is.</summary>
    public bool Stamped { get; internal set; }

    /// <summary>The key had created a record before, and that record is the answer.</summary>
    public bool Replayed { get; internal set; }

    public void Begin(IdempotencyClaim claim)
    {
        if (Claim is not null) throw new InvalidOperationException("A unit of work carries at most one idempotency key.");
        Claim = claim;
    }

    /// <summary>For a second attempt of the same request after the first lost a race on the key.</summary>
    public void Retry() => Stamped = Replayed = false;
}

internal sealed class IdempotentRecordConfiguration : IEntityTypeConfiguration<IdempotentRecord>
{
    public void Configure(EntityTypeBuilder<IdempotentRecord> r)
    {
        r.ToTable("idempotent_records");
        // The key is unique per scope, not per table: a concurrent identical request loses on this index, inside the
        // transaction that would have stored its duplicate record.
        r.HasKey(x => new { x.Scope, x.Key });
        r.Property(x => x.Scope).HasMaxLength(IdempotentRecord.MaxScopeLength);
        r.Property(x => x.Key).HasMaxLength(IdempotencyKey.MaxLength);
        r.Property(x => x.Fingerprint).HasMaxLength(64);
        r.Property(x => x.RecordKind).HasMaxLength(100);
        r.Property(x => x.RecordId).HasMaxLength(100);
    }
}
