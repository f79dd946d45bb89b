using Ondermijning.Engine.Common;

namespace Ondermijning.Api.Cases;

public static class RecordRoutes
{
    /// <summary>A record's id from its address; text that is no id names no record, so it is "not found", not a bad request.</summary>
    public static Guid Id(string text, string what) =>
        Guid.TryParse(text, out var id) ? id
            : throw new EngineProblem(ProblemKind.NotFound, $"{what} not found", $"'{text}' is not the id of a {what.ToLowerInvariant()}.");
}
