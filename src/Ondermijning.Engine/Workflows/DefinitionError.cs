using Ondermijning.Engine.Common;

namespace Ondermijning.Engine.Workflows;

/// <summary>One thing wrong with a definition file, located well enough to fix it in an editor.</summary>
/// <param name="Problem">In English, for the API, the log and the start-up refusal.</param>
/// <param name="Dutch">The same for the administrator's page; where none is written yet, the page says the problem in general terms.</param>
public sealed record DefinitionError(string File, string Path, int? Line, string Problem, string? Dutch = null)
{
    public override string ToString() => Line is { } line
        ? $"{File}:{line}: {Path}: {Problem}"
        : $"{File}: {Path}: {Problem}";
}

public sealed class WorkflowDefinitionException(IReadOnlyList<DefinitionError> errors)
    : StartupRefusal(Describe(errors))
{
    public IReadOnlyList<DefinitionError> Errors { get; } = errors;

    private static string Describe(IReadOnlyList<DefinitionError> errors) =>
        $"The workflow definitions are not valid ({errors.Count} problem{(errors.Count == 1 ? "" : "s")}); " +
        "the service will not start until they are fixed:" + Environment.NewLine +
        string.Join(Environment.NewLine, errors.Select(e => "  " + e));
}
