using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Ondermijning.Api.Tests.Enrichment;

/// <summary>One canned answer. <paramref name="Delay"/> holds the answer back, to make the client time out.</summary>
public sealed record Reply(int Status, string Body, TimeSpan Delay = default, string? RetryAfter = null)
{
    public static Reply Ok(string body) => new(200, body);
}

public sealed record ReceivedRequest(string PathAndQuery, IReadOnlyDictionary<string, string> Headers, DateTimeOffset At);

/// <summary>
/// KvK and BAG stand-ins: a real Kestrel server on 127.0.0.1 with a free port, serving the registers' own
/// formats, so the adapters are tested over real HTTP without reaching the internet. Answers for a path are
/// given in order; the last one repeats.
/// </summary>
public sealed class FakeRegisters : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, ConcurrentQueue<Reply>> _replies = new();

    private FakeRegisters(WebApplication app) => _app = app;

    public ConcurrentQueue<ReceivedRequest> Requests { get; } = new();
    public string BaseUrl { get; private set; } = "";
    public string KvkUrl => BaseUrl + "kvk/";
    public string BagUrl => BaseUrl + "bag/";

    public static async Task<FakeRegisters> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var registers = new FakeRegisters(app);
        app.Run(registers.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        registers.BaseUrl = address.TrimEnd('/') + "/";
        return registers;
    }

    /// <summary>The settings that point the service at these registers, with tiny retry delays.</summary>
    public Dictionary<string, string> Settings(int maxRetries = 2) => new()
    {
        ["Enrichment:Kvk:BaseUrl"] = KvkUrl,
        ["Enrichment:Kvk:ApiKey"] = "test-kvk-key",
        ["Enrichment:Bag:BaseUrl"] = BagUrl,
        ["Enrichment:Bag:ApiKey"] = "test-bag-key",
        ["Enrichment:Http:RetryBaseDelay"] = "00:00:00.010",
        ["Enrichment:Http:AttemptTimeout"] = "00:00:00.500",
        ["Enrichment:Http:TotalTimeout"] = "00:00:10",
        ["Enrichment:Http:MaxRetries"] = maxRetries.ToString(),
    };

    public void On(string pathAndQuery, params Reply[] replies) => _replies[pathAndQuery] = new ConcurrentQueue<Reply>(replies);

    public IReadOnlyList<ReceivedRequest> RequestsTo(string pathAndQuery) => Requests.Where(r => r.PathAndQuery == pathAndQuery).ToList();

    private async Task HandleAsync(HttpContext context)
    {
        var key = context.Request.Path + context.Request.QueryString;
        Requests.Enqueue(new ReceivedRequest(key, context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            DateTimeOffset.UtcNow));

        var reply = new Reply(404, RegisterFormats.KvkFout("IPD0004", "Het opgevraagde endpoint bestaat niet."));
        if (_replies.TryGetValue(key, out var queue))
            reply = queue.Count > 1 && queue.TryDequeue(out var next) ? next : queue.TryPeek(out var last) ? last : reply;

        if (reply.Delay > TimeSpan.Zero)
        {
            try { await Task.Delay(reply.Delay, context.RequestAborted); }
            catch (OperationCanceledException) { return; }
        }
        context.Response.StatusCode = reply.Status;
        context.Response.ContentType = key.StartsWith("/bag/") ? "application/hal+json" : "application/json";
        if (reply.RetryAfter is not null) context.Response.Headers.RetryAfter = reply.RetryAfter;
        await context.Response.WriteAsync(reply.Body);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
