using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ondermijning.Engine.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SignalReceiptAndFeedback : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_reporter_receipts",
                table: "reporter_receipts");

            migrationBuilder.DropIndex(
                name: "IX_reporter_receipts_CaseId",
                table: "reporter_receipts");

            migrationBuilder.AlterColumn<string>(
                name: "CodeHash",
                table: "reporter_receipts",
                type: "TEXT",
                maxLength: 64,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 64);

            migrationBuilder.AlterColumn<string>(
                name: "Name",
                table: "case_companies",
                type: "TEXT",
                maxLength: 200,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 200);

            migrationBuilder.AddPrimaryKey(
                name: "PK_reporter_receipts",
                table: "reporter_receipts",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_reporter_receipts_CodeHash",
                table: "reporter_receipts",
                column: "CodeHash",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_reporter_receipts",
                table: "reporter_receipts");

            migrationBuilder.DropIndex(
                name: "IX_reporter_receipts_CodeHash",
                table: "reporter_receipts");

            migrationBuilder.AlterColumn<string>(
                name: "CodeHash",
                table: "reporter_receipts",
                type: "TEXT",
                maxLength: 64,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 64,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "Name",
                table: "case_companies",
                type: "TEXT",
                maxLength: 200,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 200,
                oldNullable: true);

            migrationBuilder.AddPrimaryKey(
                name: "PK_reporter_receipts",
                table: "reporter_receipts",
                column: "CodeHash");

            migrationBuilder.CreateIndex(
                name: "IX_reporter_receipts_CaseId",
                table: "reporter_receipts",
                column: "CaseId",
                unique: true);
        }
    }
}
