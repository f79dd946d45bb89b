using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ondermijning.Engine.Cases;
using Ondermijning.Engine.Idempotency;
using Ondermijning.Engine.Persistence;

namespace Ondermijning.Engine.Signals;

/// <summary>
/// Group commit for intake: registrations that arrive while a commit is on its way to disk are written together in the
/// next transaction. A commit costs a disk flush and, on SQLite, the one writer lock; sharing them is what lets intake
/// keep up with the database instead of queueing behind it. Every caller still waits for its own durable commit
/// before it answers, so a 2xx still means "stored".
/// </summary>
public sealed class SignalCommitter : IAsyncDisposable
{
    /// <summary>Enough to share one flush among a burst of clients; small enough that one transaction stays short.</summary>
    private const int MaxBatch = 64;

    private readonly Channel<Pending> queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly IServiceScopeFactory scopes;
    private readonly Task writer;

    public SignalCommitter(IServiceScopeFactory scopes)
    {
        this.scopes = scopes;
        writer = Task.Run(WriteAsync);
    }

    /// <summary>
    /// Stores the case built by <paramref name="newCase"/> with the receipt for <paramref name="code"/> and, when the
    /// request carried one, its idempotency key from <paramref name="key"/>, and returns the stored case. The builders
    /// may run more than once: entities of a failed transaction are not reused.
    /// </summary>
    public async Task<Case> CommitAsync(Func<Case> newCase, ReceiptCode code, Func<IdempotentRecord>? key, CancellationToken cancellationToken)
    {
        var pending = new Pending(newCase, code, key);
        if (!queue.Writer.TryWrite(pending))
            throw new ObjectDisposedException(nameof(SignalCommitter), "The service is shutting down; register the signal again in a moment.");
        // A caller that gives up still has its registration committed, as if the answer was lost on the way back:
        // a retry with the same idempotency key finds it.
        return await pending.Stored.Task.WaitAsync(cancellationToken);
    }

    private async Task WriteAsync()
    {
        var batch = new List<Pending>(MaxBatch);
        while (await queue.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < MaxBatch && queue.Reader.TryRead(out var pending)) batch.Add(pending);
            try
            {
                await CommitAsync(batch);
            }
            catch (Exception e)
            {
                // Whatever went wrong, the writer lives on for the next batch, and nobody waits for an answer forever.
                foreach (var pending in batch) pending.Stored.TrySetException(e);
            }
        }
    }

    private async Task CommitAsync(IReadOnlyList<Pending> batch)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OndermijningDbContext>();
        var built = new List<(Pending Pending, Case Case, IdempotentRecord? Key)>(batch.Count);
        foreach (var pending in batch)
        {
            try
            {
                built.Add((pending, pending.NewCase(), pending.Key?.Invoke()));
            }
            catch (Exception e)
            {
                pending.Stored.TrySetException(e); // its own failure, not the batch's
            }
        }
        try
        {
            var insert = new MultiRowInsert(db);
            foreach (var (pending, @case, key) in built)
            {
                insert.AddGraph(@case);
                insert.AddGraph(new ReporterReceipt(@case.Id, pending.Code));
                if (key is not null) insert.AddGraph(key);
            }
            // Not cancellable: the callers' requests may end, but what was queued gets written.
            await insert.SaveAsync(CancellationToken.None);
            foreach (var (pending, @case, _) in built) pending.Stored.TrySetResult(@case);
        }
        catch (DbUpdateException e) when (built.Count > 1 && db.IsUniqueViolation(e))
        {
            // One of them repeats an idempotency key (of a signal already stored, or of another in this batch): commit
            // each on its own, so that only the repeat fails and its caller answers with the case stored first.
            foreach (var (pending, _, _) in built) await CommitAsync([pending]);
        }
        catch (Exception e)
        {
            foreach (var (pending, _, _) in built) pending.Stored.TrySetException(e);
        }
    }

    public async ValueTask DisposeAsync()
    {
        queue.Writer.TryComplete();
        await writer;
    }

    private sealed record Pending(Func<Case> NewCase, ReceiptCode Code, Func<IdempotentRecord>? Key)
    {
        public TaskCompletionSource<Case> Stored { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
