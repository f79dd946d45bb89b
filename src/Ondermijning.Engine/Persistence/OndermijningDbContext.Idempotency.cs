using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Ondermijning.Engine.Common;
using Ondermijning.Engine.Idempotency;

namespace Ondermijning.Engine.Persistence;

/// <summary>
/// Idempotency keys for every command that creates a record: the command asks <see cref="RecordedBeforeAsync{T}"/>
/// first and adds its record with <see cref="AddRecord{T}"/>; the host puts the request's key in
/// <see cref="RequestIdempotency"/>. Without a key both behave as a plain look-up that finds nothing and a plain add.
/// </summary>
public abstract partial class OndermijningDbContext
{
    /// <summary>Set for each unit of work like <see cref="Scope"/>; a context made by hand carries no key.</summary>
    internal RequestIdempotency Idempotency { get; set; } = new();

    /// <summary>
    /// The record an earlier request with this unit of work's idempotency key created, or null when there is no key or
    /// it is new. The same key with a different request is refused with a problem naming the record it created.
    /// </summary>
    public async Task<T?> RecordedBeforeAsync<T>(CancellationToken cancellationToken) where T : class
    {
        if (Idempotency.Claim is not { } claim) return null;
        var earlier = await Set<IdempotentRecord>().AsNoTracking()
            .SingleOrDefaultAsync(r => r.Scope == claim.Scope && r.Key == claim.Key.Key, cancellationToken);
        if (earlier is null) return null;
        if (earlier.Fingerprint != claim.Key.Fingerprint || earlier.RecordKind != typeof(T).Name)
            throw new EngineProblem(ProblemKind.RuleViolation, "This idempotency key was used for a different request",
                $"The key '{claim.Key.Key}' already recorded {Describe(earlier.RecordKind)} {earlier.RecordId} with different content. " +
                "Send a new key for a new record, or resend exactly the same request to get that record.",
                new Dictionary<string, string[]> { ["Idempotency-Key"] = [$"Already used for {Describe(earlier.RecordKind)} {earlier.RecordId}."] });
        var record = await Set<T>().FindAsync(StoredKeyToValues<T>(earlier.RecordId), cancellationToken)
            ?? throw new EngineProblem(ProblemKind.NotFound, "The record of this idempotency key is gone",
                $"The key '{claim.Key.Key}' recorded {Describe(earlier.RecordKind)} {earlier.RecordId}, which is no longer there " +
                "(erased under the retention rules). Send a new key to record it again.");
        Idempotency.Replayed = true;
        return record;
    }

    /// <summary>
    /// Adds a new record and, when the unit of work carries an idempotency key, the key with it: both are saved by the
    /// next SaveChanges, in one transaction.
    /// </summary>
    public void AddRecord<T>(T record, Instant now) where T : class
    {
        var entry = Add(record);
        if (Idempotency.Claim is not { } claim || Idempotency.Stamped) return;
        // A composite key (a workflow version: workflow and number) is stored as its parts joined by '/'.
        var stored = string.Join(KeySeparator, entry.Metadata.FindPrimaryKey()!.Properties.Select(key =>
        {
            var value = entry.Property(key.Name).CurrentValue;
            return Convert.ToString(key.GetTypeMapping().Converter is { } converter ? converter.ConvertToProvider(value) : value, CultureInfo.InvariantCulture);
        }));
        Add(new IdempotentRecord(claim, typeof(T).Name, stored, now));
        Idempotency.Stamped = true;
    }

    /// <summary>Whether the unit of work's key is stored by now: after a failed save, whether a concurrent request took it.</summary>
    public async Task<bool> IdempotencyKeyTakenAsync(CancellationToken cancellationToken) =>
        Idempotency.Claim is { } claim && await Set<IdempotentRecord>().AsNoTracking()
            .AnyAsync(r => r.Scope == claim.Scope && r.Key == claim.Key.Key, cancellationToken);

    private const char KeySeparator = '/';

    private object[] StoredKeyToValues<T>(string stored)
    {
        var keys = Model.FindEntityType(typeof(T))!.FindPrimaryKey()!.Properties;
        var parts = keys.Count == 1 ? [stored] : stored.Split(KeySeparator);
        return keys.Select((key, i) =>
        {
            var converter = key.GetTypeMapping().Converter;
            var providerType = Nullable.GetUnderlyingType(converter?.ProviderClrType ?? key.ClrType) ?? converter?.ProviderClrType ?? key.ClrType;
            object provider = providerType == typeof(Guid) ? Guid.Parse(parts[i], CultureInfo.InvariantCulture)
                : providerType == typeof(string) ? parts[i]
                : Convert.ChangeType(parts[i], providerType, CultureInfo.InvariantCulture);
            return converter is null ? provider : converter.ConvertFromProvider(provider)!;
        }).ToArray();
    }

    /// <summary>"AtomInspection" → "atom inspection", for a message to a person.</summary>
    private static string Describe(string kind) => Regex.Replace(kind, "(?<=[a-z])(?=[A-Z])", " ").ToLowerInvariant();
}
