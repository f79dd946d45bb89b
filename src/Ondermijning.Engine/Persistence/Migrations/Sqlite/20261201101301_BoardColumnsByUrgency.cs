using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ondermijning.Engine.Persistence.Migrations.Sqlite
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

            // The table's indexes get their statistics together, so that the new one is not the only index SQLite knows
            // nothing about: it would take it for a very selective one and read a municipality's newest cases through it,
            // sorting them all. In full, because a bounded analysis of a million cases guesses a municipality holds a
            // thousand of them; a second or two, once.
            migrationBuilder.Sql("""ANALYZE "cases";""");
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
