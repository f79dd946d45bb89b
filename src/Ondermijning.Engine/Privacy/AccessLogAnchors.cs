using System.Text;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;

namespace Ondermijning.Engine.Privacy;

/// <summary><c>Privacy:AccessLogAnchor</c>.</summary>
public sealed class AccessLogAnchorOptions
{
    /// <summary>
    /// The append-only file the chain head is written to. Unset, it lies in the data folder next to the SQLite file
    /// (<c>data/ondermijning.access-log-anchors.jsonl</c>; on PostgreSQL named after the database). That only proves
    /// something against someone who can change the database but not this file: in production put it on another volume
    /// or system (an append-only or WORM share) that every instance writes to.
    /// </summary>
    public string? Path { get; set; }
}

/// <summary>The chain head at one moment: record <paramref name="Sequence"/> had hash <paramref name="Hash"/> at <paramref name="At"/>.</summary>
public sealed record AccessLogAnchor(long Sequence, string Hash, Instant At)
{
    public string Describe() => $"the anchor of {InstantPattern.General.Format(At)}";
}

/// <summary>
/// The anchor file: one JSON line per anchor, only ever appended to. Anchoring the head outside the database is what
/// lets a verification see that the newest records were cut off, or the tail rewritten with recomputed hashes, which
/// the chain alone cannot show.
/// </summary>
public sealed class AccessLogAnchors(string path)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string Path { get; } = path;

    /// <summary>Every anchor, oldest first; none while the file does not exist.</summary>
    /// <exception cref="FormatException">A line that is not an anchor: the file was damaged or edited.</exception>
    public async Task<IReadOnlyList<AccessLogAnchor>> ReadAllAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(Path)) return [];
        var anchors = new List<AccessLogAnchor>();
        var number = 0;
        foreach (var line in await File.ReadAllLinesAsync(Path, cancellationToken))
        {
            number++;
            if (line.Length > 0) anchors.Add(Parse(line, number));
        }
        return anchors;
    }

    /// <summary>The newest anchor, from the end of the file only: the scheduled anchoring need not read years of lines.</summary>
    public async Task<AccessLogAnchor?> ReadLastAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(Path)) return null;
        await using var file = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var tail = new byte[(int)Math.Min(file.Length, 4096)];
        file.Seek(-tail.Length, SeekOrigin.End);
        await file.ReadExactlyAsync(tail, cancellationToken);
        var last = Encoding.UTF8.GetString(tail).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault();
        return last is null ? null : Parse(last, null);
    }

    public async Task AppendAsync(AccessLogAnchor anchor, CancellationToken cancellationToken)
    {
        if (System.IO.Path.GetDirectoryName(Path) is { Length: > 0 } folder) Directory.CreateDirectory(folder);
        var line = JsonSerializer.Serialize(new Line(anchor.Sequence, anchor.Hash, InstantPattern.ExtendedIso.Format(anchor.At)), Json) + "\n";
        // One write of a whole line in append mode, flushed to the disk: the anchor is there before the job reports it.
        await using var file = new FileStream(Path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite);
        await file.WriteAsync(Encoding.UTF8.GetBytes(line), cancellationToken);
        file.Flush(flushToDisk: true);
    }

    private AccessLogAnchor Parse(string line, int? number)
    {
        try
        {
            var parsed = JsonSerializer.Deserialize<Line>(line, Json)!;
            return new AccessLogAnchor(parsed.Sequence, parsed.Hash ?? throw new FormatException("no hash"),
                InstantPattern.ExtendedIso.Parse(parsed.At ?? "").GetValueOrThrow());
        }
        catch (Exception e) when (e is JsonException or FormatException or UnparsableValueException)
        {
            throw new FormatException($"The anchor file {Path}{(number is null ? "" : $" line {number}")} is not an anchor: {e.Message}", e);
        }
    }

    private sealed record Line(long Sequence, string? Hash, string? At);
}
