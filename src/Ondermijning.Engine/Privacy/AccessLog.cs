using Microsoft.EntityFrameworkCore;
using NodaTime;
using Ondermijning.Engine.Common;
using Ondermijning.Engine.Persistence;

namespace Ondermijning.Engine.Privacy;

/// <summary>The outcome of checking the chain: intact, or the first record where it breaks and how.</summary>
/// <param name="AnchoredSequence">When the newest records were cut off: the last record an anchor names.</param>
public sealed record AccessLogVerification(bool Intact, long RecordCount, long? BrokenAtSequence, string Message, long? AnchoredSequence = null);

/// <param name="NewestFirst">The page shows the latest processing first; the API pages through the log oldest first.</param>
public sealed record AccessLogQuery(CaseId? CaseId, string? UserId, int Limit = 500, bool NewestFirst = false);

public sealed class AccessLog(OndermijningDbContext db, AccessLogAnchors anchors, IClock clock)
{
    public const int MaxLimit = 5000;

    /// <summary>
    /// The key is any fixed number (0x4163636573734c67, "AccessLg"); advisory locks are per database, so deployments
    /// sharing a server do not wait for each other.
    /// </summary>
    private const string LockHeadSql = "SELECT pg_advisory_xact_lock(4711718922539453543)";

    /// <summary>
    /// Appends to the chain together with whatever else the context holds, in one transaction, serialised on the chain
    /// head so that two appenders never chain to the same predecessor. On SQLite the transaction begins only once this
    /// process's writers' gate is ours: a transaction takes SQLite's write lock at once (BEGIN IMMEDIATE), and one that
    /// waited for the gate with it would block the gate's holder, who in turn waits for that lock, until the busy timeout.
    /// Other processes on the file wait for the lock itself. On PostgreSQL a transaction-scoped advisory lock, taken
    /// before the head is read, serialises appenders across instances and ends with the commit.
    /// </summary>
    public async Task AppendAsync(IReadOnlyCollection<AccessEntry> entries, CancellationToken cancellationToken = default)
    {
        if (entries.Count == 0)
        {
            await db.SaveChangesAsync(cancellationToken);
            return;
        }
        var traceId = AccessLogRecord.CurrentTraceId();
        await db.WriteAsync(async () =>
        {
            var own = db.Database.CurrentTransaction is null;
            await using var transaction = own ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
            if (db.Database.IsNpgsql())
                await db.Database.ExecuteSqlRawAsync(LockHeadSql, cancellationToken);
            var last = await db.AccessLog.AsNoTracking().OrderByDescending(r => r.Sequence).FirstOrDefaultAsync(cancellationToken);
            var now = clock.GetCurrentInstant();
            foreach (var entry in entries)
            {
                last = AccessLogRecord.After(last, entry, now, traceId);
                db.AccessLog.Add(last);
            }
            await db.SaveChangesAsync(cancellationToken);
            if (transaction is not null) await transaction.CommitAsync(cancellationToken);
        }, cancellationToken);
    }

    /// <summary>The records of the viewer's municipalities; a record of any other municipality never shows.</summary>
    public async Task<IReadOnlyList<AccessLogRecord>> QueryAsync(AccessLogQuery query, Actor viewer, CancellationToken cancellationToken = default)
    {
        var municipalities = viewer.Municipalities.Select(m => (MunicipalityCode?)m).ToList();
        var records = db.AccessLog.AsNoTracking().Where(r => municipalities.Contains(r.Municipality));
        if (query.CaseId is { } caseId) records = records.Where(r => r.CaseId == caseId);
        if (!string.IsNullOrWhiteSpace(query.UserId)) records = records.Where(r => r.UserId == query.UserId);
        records = query.NewestFirst ? records.OrderByDescending(r => r.Sequence) : records.OrderBy(r => r.Sequence);
        return await records.Take(Math.Clamp(query.Limit, 1, MaxLimit)).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Walks the whole chain in order, all municipalities, and reports the first record that does not fit: with the
    /// chain itself, or with an anchor written outside the database, which also shows records cut off at the end.
    /// </summary>
    public async Task<AccessLogVerification> VerifyAsync(CancellationToken cancellationToken = default)
    {
        IReadOnlyList<AccessLogAnchor> written;
        string? anchorProblem = null;
        try
        {
            written = await anchors.ReadAllAsync(cancellationToken);
        }
        catch (FormatException e)
        {
            (written, anchorProblem) = ([], e.Message);
        }
        var anchored = written.ToLookup(a => a.Sequence);

        long expected = 1, confirmed = 0;
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
            if (!record.HashMatches())
                return Broken(expected - 1, record.Sequence, $"record {record.Sequence} was altered: its content no longer matches its hash");
            if (anchored[record.Sequence].FirstOrDefault(a => a.Hash != record.Hash) is { } contradicted)
                // The links hold, so every hash from some point on was recomputed: the records after the last anchor that
                // still agrees are in doubt, not only this one.
                return Broken(confirmed, record.Sequence,
                    $"record {record.Sequence} is not the record {contradicted.Describe()} names: the log was rewritten, hashes and all, after record {confirmed}");
            if (anchored.Contains(record.Sequence)) confirmed = record.Sequence;
            previousHash = record.Hash;
            expected++;
        }

        var count = expected - 1;
        if (anchorProblem is not null)
            return new AccessLogVerification(false, count, null,
                $"The access log's chain holds ({count} record(s)), but it cannot be checked against its anchors: {anchorProblem}");
        var newest = written.MaxBy(a => a.Sequence);
        if (newest is not null && newest.Sequence > count)
            return new AccessLogVerification(false, count, count + 1,
                $"The access log is broken after record {count}: records after {count} were removed; {newest.Describe()} names record {newest.Sequence}.",
                newest.Sequence);
        return new AccessLogVerification(true, count, null, $"The access log is intact: {count} record(s), every link verified" + (newest is null
            ? "; no anchor has been written yet."
            : $", and it agrees with {written.Count} anchor(s), the newest {newest.Describe()} naming record {newest.Sequence}."));
    }

    /// <summary>
    /// Writes the chain head to the anchor file, unless the newest anchor already names it. Run on a schedule; a record
    /// appended after the last run is not covered until the next one.
    /// </summary>
    public async Task<AccessLogAnchor?> AnchorAsync(CancellationToken cancellationToken = default)
    {
        var head = await db.AccessLog.AsNoTracking().OrderByDescending(r => r.Sequence)
            .Select(r => new { r.Sequence, r.Hash }).FirstOrDefaultAsync(cancellationToken);
        if (head is null) return null;
        if (await anchors.ReadLastAsync(cancellationToken) is { } last && last.Sequence == head.Sequence && last.Hash == head.Hash) return null;
        var anchor = new AccessLogAnchor(head.Sequence, head.Hash, clock.GetCurrentInstant());
        await anchors.AppendAsync(anchor, cancellationToken);
        return anchor;
    }

    private static AccessLogVerification Broken(long intact, long at, string problem) =>
        new(false, intact, at, $"The access log is broken at record {at}: {problem}. Records 1 to {intact} are intact.");
}
