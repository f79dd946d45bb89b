namespace Ondermijning.Engine.Workflows;

public sealed class WorkflowOptions
{
    public const string Section = "Workflows";

    /// <summary>The folder holding the definitions; a relative path is resolved against the application folder,
    /// where the build copies the repository's <c>workflows/</c>.</summary>
    public string Path { get; set; } = "workflows";

    /// <summary>The workflow new signals start on.</summary>
    public string DefaultWorkflow { get; set; } = "ondermijning";

    /// <summary>Per CBS municipality code, the workflow its new signals start on when it is not the default, so one
    /// deployment serves a region whose municipalities follow different protocols.</summary>
    public Dictionary<string, string> Municipalities { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}
