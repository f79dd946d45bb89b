using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ondermijning.Engine.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class BoardColumnsByUrgency : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_cases_Municipality_Stage_DueAt_StageEnteredAt_Id",
                table: "cases",
                columns: new[] { "Municipality", "Stage", "DueAt", "StageEnteredAt", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_cases_Municipality_Stage_DueAt_StageEnteredAt_Id",
                table: "cases");
        }
    }
}
