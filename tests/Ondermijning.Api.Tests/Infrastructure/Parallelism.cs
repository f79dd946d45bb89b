// Test classes run side by side, each with its own hosts on its own database. The hosts run no job server unless a
// test asks for one (ApiFactory.JobServer), and they share one logger factory that outlives them (TestLogs), so the
// log provider Hangfire keeps process-wide never points at a stopped host's disposed one.
// Four tests at a time on two cores: a test also waits on a database, a process or a browser, but with eight the hosts
// mostly contended (the PostgreSQL pass took a quarter more CPU and longer). Long classes start first (LongRunning.cs).
[assembly: CollectionBehavior(CollectionBehavior.CollectionPerClass, MaxParallelThreads = 4)]

namespace Ondermijning.Api.Tests.Infrastructure;

/// <summary>
/// The classes whose hosts run a real Hangfire server (<c>new ApiFactory { JobServer = true }</c>): they run one class
/// at a time, beside the parallel rest, so a job a test awaits is not starved by other servers' polling.
/// Mark a class <c>[Collection(JobServerCollection.Name)]</c> when it triggers or awaits a job.
/// </summary>
[CollectionDefinition(Name)]
[LongRunning(seconds: 40)]
public sealed class JobServerCollection
{
    public const string Name = "JobServer";
}

/// <summary>
/// <c>[Trait(StorageTrait.Name, StorageTrait.Independent)]</c> marks a class or test that proves nothing about storage
/// (headers, mapping, sign-in, the pages, server-rendered or in a browser): it runs in the SQLite pass of <c>./test.sh</c>
/// only. The pages store and read only through the engine's services (<see cref="PagesUseTheEngineTests"/>), which the
/// API tests prove on both databases; a page test whose subject is what a service does with the database (a transaction,
/// a query only the pages use) is not marked. The rest runs on both databases.
/// </summary>
public static class StorageTrait
{
    public const string Name = "Storage";
    public const string Independent = "Independent";
}
