using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ondermijning.Engine.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class StageStaysByWorkflow : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_stage_stays_Municipality_LeftAt_Stage_Seconds",
                table: "stage_stays");

            migrationBuilder.CreateIndex(
                name: "IX_stage_stays_Municipality_LeftAt_Workflow_Stage_Seconds",
                table: "stage_stays",
                columns: new[] { "Municipality", "LeftAt", "Workflow", "Stage", "Seconds" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_stage_stays_Municipality_LeftAt_Workflow_Stage_Seconds",
                table: "stage_stays");

            migrationBuilder.CreateIndex(
                name: "IX_stage_stays_Municipality_LeftAt_Stage_Seconds",
                table: "stage_stays",
                columns: new[] { "Municipality", "LeftAt", "Stage", "Seconds" });
        }
    }
}
