using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ondermijning.Engine.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ScaleIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_cases_Municipality_Stage",
                table: "cases");

            migrationBuilder.CreateIndex(
                name: "IX_cases_Municipality_DueAt_Workflow_DefinitionVersion_Stage",
                table: "cases",
                columns: new[] { "Municipality", "DueAt", "Workflow", "DefinitionVersion", "Stage" });

            migrationBuilder.CreateIndex(
                name: "IX_cases_Municipality_ReceivedAt",
                table: "cases",
                columns: new[] { "Municipality", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_cases_Municipality_Stage_StageEnteredAt",
                table: "cases",
                columns: new[] { "Municipality", "Stage", "StageEnteredAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_cases_Municipality_DueAt_Workflow_DefinitionVersion_Stage",
                table: "cases");

            migrationBuilder.DropIndex(
                name: "IX_cases_Municipality_ReceivedAt",
                table: "cases");

            migrationBuilder.DropIndex(
                name: "IX_cases_Municipality_Stage_StageEnteredAt",
                table: "cases");

            migrationBuilder.CreateIndex(
                name: "IX_cases_Municipality_Stage",
                table: "cases",
                columns: new[] { "Municipality", "Stage" });
        }
    }
}
