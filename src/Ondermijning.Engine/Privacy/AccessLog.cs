using Microsoft.EntityFrameworkCore;
using NodaTime;
using Ondermijning.Engine.Common;
using Ondermijning.Engine.Persistence;

namespace Ondermijning.Engine.Privacy;

/// <summary>The outcome of checking the chain: intact, or the first record where it breaks and how.</summary>
public sealed record AccessLogVerification(bool Intact, long RecordCount, long? BrokenAtSequence, string Message);

public sealed record AccessLogQuery(CaseId? CaseId, string? UserId, int Limit = 500);

public sealed class AccessLog(OndermijningDbContext db, IClock clock)
{
    public const int MaxLimit = 5000;

    /// <summary>
    /// Appends to the chain together with whatever else the context holds, in one transaction. The transaction takes
    /// the database's write lock before the last record is read (SQLite: BEGIN IMMEDIATE), so two appenders can never
    /// chain to the same predecessor.
    /// </summary>
    public async Task AppendAsync(IReadOnlyCollection<AccessEntry> entries, CancellationToken cancellationToken = default)
    {
        if (entries.Count == 0)
        {
            await db.SaveChangesAsync(cancellationToken);
            return;
        }
        var own = db.Database.CurrentTransaction is null;
        await using var transaction = own ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        var last = await db.AccessLog.AsNoTracking().OrderByDescending(r => r.Sequence).FirstOrDefaultAsync(cancellationToken);
        var now = clock.GetCurrentInstant();
        foreach (var entry in entries)
        {
            last = AccessLogRecord.After(last, entry, now);
            db.AccessLog.Add(last);
        }
        await db.SaveChangesAsync(cancellationToken);
        if (transaction is not null) await transaction.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<AccessLogRecord>> QueryAsync(AccessLogQuery query, CancellationToken cancellationToken = default)
    {
        var records = db.AccessLog.AsNoTracking();
        if (query.CaseId is { } caseId) records = records.Where(r => r.CaseId == caseId);
        if (!string.IsNullOrWhiteSpace(query.UserId)) records = records.Where(r => r.UserId == query.UserId);
        return await records.OrderBy(r => r.Sequence).Take(Math.Clamp(query.Limit, 1, MaxLimit)).ToListAsync(cancellationToken);
    }

    /// <summary>Walks the whole chain in order and reports the first record that does not fit.</summary>
    public async Task<AccessLogVerification> VerifyAsync(CancellationToken cancellationToken = default)
    {
        long expected = 1;
        var previousHash = AccessLogRecord.GenesisHash;
        await foreach (var record in db.AccessLog.AsNoTracking().OrderBy(r => r.Sequence).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (record.Sequence != expected)
                return Broken(expected - 1, Math.Min(expected, record.Sequence), record.Sequence > expected
                    ? $"record {expected}{(record.Sequence > expected + 1 ? $" to {record.Sequence - 1}" : "")} is missing: the log jumps from record {expected - 1} to record {record.Sequence}, so records were removed"
                    : $"record {record.Sequence} is out of place after record {expected - 1}, so a record was inserted");
            if (record.PreviousHash != previousHash)
                return Broken(expected - 1, record.Sequence,
                    $"record {record.Sequence} does not link to record {record.Sequence - 1}: a record was inserted, removed or altered at this point");
            if (record.ComputeHash() != record.Hash)
                return Broken(expected - 1, record.Sequence, $"record {record.Sequence} was altered: its content no longer matches its hash");
            previousHash = record.Hash;
            expected++;
        }
        return new AccessLogVerification(true, expected - 1, null, $"The access log is intact: {expected - 1} record(s), every link verified.");
    }

    private static AccessLogVerification Broken(long intact, long at, string problem) =>
        new(false, intact, at, $"The access log is broken at record {at}: {problem}. Records 1 to {intact} are intact.");
}
