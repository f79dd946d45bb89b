namespace Ondermijning.Engine.Common;

public enum ProblemKind
{
    /// <summary>The request itself is incomplete or malformed.</summary>
    Invalid,
    /// <summary>The thing asked for does not exist.</summary>
    NotFound,
    /// <summary>The case changed meanwhile or is in a state where this is not possible.</summary>
    Conflict,
    /// <summary>The request is well-formed but a rule of the workflow refuses it.</summary>
    RuleViolation,
    /// <summary>The acting user may not do this.</summary>
    Forbidden,
}

/// <summary>
/// A user-facing refusal. The host turns it into an RFC 9457 problem, so the title and detail are
/// written for a policy adviser, not for a developer.
/// </summary>
public sealed class EngineProblem(ProblemKind kind, string title, string detail,
    IReadOnlyDictionary<string, string[]>? errors = null, IReadOnlyDictionary<string, Breach>? breaches = null) : Exception(detail)
{
    public ProblemKind Kind { get; } = kind;
    public string Title { get; } = title;
    public string Detail { get; } = detail;
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors ?? new Dictionary<string, string[]>();
    /// <summary>Per field, the first rule it broke, for a page to word in Dutch; fields refused without a rule are absent.</summary>
    public IReadOnlyDictionary<string, Breach> Breaches { get; } = breaches ?? new Dictionary<string, Breach>();

    public static EngineProblem Validation(IReadOnlyDictionary<string, string[]> errors, IReadOnlyDictionary<string, Breach>? breaches = null) =>
        new(ProblemKind.Invalid, "Some fields are missing or not valid",
            "Correct the fields listed under 'errors' and send the request again.", errors, breaches);
}
