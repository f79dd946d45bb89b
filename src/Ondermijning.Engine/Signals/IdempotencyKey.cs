using Ondermijning.Engine.Common;

namespace Ondermijning.Engine.Signals;

/// <summary>
/// A client's promise that two registrations with this key are the same signal, so a retry after a timeout or
/// a crash never creates a second case. <see cref="Fingerprint"/> identifies the request the key was first used with.
/// </summary>
public sealed record IdempotencyKey(string Key, string Fingerprint)
{
    public const int MaxLength = 200;

    public static IdempotencyKey Parse(string key, string fingerprint) =>
        string.IsNullOrWhiteSpace(key) || key.Length > MaxLength
            ? throw EngineProblem.Validation(new Dictionary<string, string[]>
            {
                ["Idempotency-Key"] = [$"An idempotency key is between 1 and {MaxLength} characters; a UUID is a good choice."],
            })
            : new IdempotencyKey(key, fingerprint);
}
