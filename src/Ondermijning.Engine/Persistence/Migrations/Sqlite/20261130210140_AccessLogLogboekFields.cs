using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ondermijning.Engine.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AccessLogLogboekFields : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "DataSubjectId",
                table: "access_log",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DataSubjectType",
                table: "access_log",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "FormatVersion",
                table: "access_log",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<string>(
                name: "Municipality",
                table: "access_log",
                type: "TEXT",
                maxLength: 6,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ProcessingActivity",
                table: "access_log",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TraceId",
                table: "access_log",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            // Administrators see the records of their own municipalities, so the records written before this column get
            // their case's. It is not in those records' hash (format 1), only used to scope who sees them.
            migrationBuilder.Sql("UPDATE access_log SET Municipality = (SELECT c.Municipality FROM cases AS c WHERE c.Id = access_log.CaseId) WHERE CaseId IS NOT NULL;");

            migrationBuilder.CreateIndex(
                name: "IX_access_log_Municipality_Sequence",
                table: "access_log",
                columns: new[] { "Municipality", "Sequence" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_access_log_Municipality_Sequence",
                table: "access_log");

            migrationBuilder.DropColumn(
                name: "DataSubjectId",
                table: "access_log");

            migrationBuilder.DropColumn(
                name: "DataSubjectType",
                table: "access_log");

            migrationBuilder.DropColumn(
                name: "FormatVersion",
                table: "access_log");

            migrationBuilder.DropColumn(
                name: "Municipality",
                table: "access_log");

            migrationBuilder.DropColumn(
                name: "ProcessingActivity",
                table: "access_log");

            migrationBuilder.DropColumn(
                name: "TraceId",
                table: "access_log");
        }
    }
}
