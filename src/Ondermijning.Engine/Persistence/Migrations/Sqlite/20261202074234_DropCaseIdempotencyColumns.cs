using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ondermijning.Engine.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DropCaseIdempotencyColumns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_cases_IdempotencyKey",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "IdempotencyFingerprint",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "IdempotencyKey",
                table: "cases");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "IdempotencyFingerprint",
                table: "cases",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "IdempotencyKey",
                table: "cases",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_cases_IdempotencyKey",
                table: "cases",
                column: "IdempotencyKey",
                unique: true);
        }
    }
}
