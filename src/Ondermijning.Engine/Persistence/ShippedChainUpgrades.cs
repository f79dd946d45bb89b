using Microsoft.EntityFrameworkCore.Migrations;

namespace Ondermijning.Engine.Persistence;

/// <summary>
/// Re-records the content hash of shipped definition versions that a product upgrade changed on purpose, so that a
/// deployment with cases on them starts again (<see cref="Workflows.DefinitionPublication"/> refuses a changed file in use).
/// Only the exact old content is re-recorded: a file a municipality edited itself is still refused.
/// </summary>
public static class ShippedChainUpgrades
{
    /// <summary>
    /// 2026-11: v1 and v2 of the shipped chain declare the type of the information their steps ask for (a meeting date is a
    /// date, a chain partner a text of at most 200 characters). Stages, steps, guards and gates are unchanged, so cases keep
    /// their meaning; only what a step accepts from now on is checked more strictly.
    /// </summary>
    public static readonly IReadOnlyList<(int Version, string Old, string New)> TypedStepInformation =
    [
        (1, "dd43b7dd2a23329eaff8c97984944e5d6dd0b27ead7572b3b9883f68dddb1b21", "81bcc2c857ebee7bf364120802037f119048bf9f6489a882dea92d13f4bad680"),
        (2, "78455e4d90f07259bc08c16d22d8ed9747c74e4ea4d6ca42900ee7cdbb82efe2", "85ac9e6983af7d06bc3ad3222464c087e3cec018eed3f02c18e46816b327de35"),
    ];

    internal static void DeclareStepInformationTypes(MigrationBuilder migration, bool up)
    {
        foreach (var (version, old, @new) in TypedStepInformation)
            migration.Sql($"""
                UPDATE "workflow_versions" SET "ContentHash" = '{(up ? @new : old)}'
                WHERE "Workflow" = 'ondermijning' AND "Version" = {version} AND "ContentHash" = '{(up ? old : @new)}';
                """);
    }
}
