using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using NodaTime;

#nullable disable

namespace Ondermijning.Engine.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CaseMigrationJobs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "case_migrations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    FromWorkflow = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    FromVersion = table.Column<int>(type: "integer", nullable: false),
                    ToWorkflow = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ToVersion = table.Column<int>(type: "integer", nullable: false),
                    StageMappingJson = table.Column<string>(type: "text", nullable: false),
                    SeverityMappingJson = table.Column<string>(type: "text", nullable: false),
                    Reason = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    RequestedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RequestedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RequestedByOrganisation = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    RequesterRoles = table.Column<List<string>>(type: "text[]", nullable: false),
                    Municipalities = table.Column<List<string>>(type: "text[]", nullable: false),
                    RequestedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    StartedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: true),
                    FinishedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: true),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Total = table.Column<int>(type: "integer", nullable: false),
                    DoneCount = table.Column<int>(type: "integer", nullable: false),
                    Error = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_case_migrations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "case_migration_cases",
                columns: table => new
                {
                    MigrationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    FromStage = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    TargetStage = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    TargetSeverity = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Failure = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_case_migration_cases", x => new { x.MigrationId, x.Position });
                    table.ForeignKey(
                        name: "FK_case_migration_cases_case_migrations_MigrationId",
                        column: x => x.MigrationId,
                        principalTable: "case_migrations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_case_migration_cases_MigrationId_Status",
                table: "case_migration_cases",
                columns: new[] { "MigrationId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_case_migrations_Status",
                table: "case_migrations",
                column: "Status");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "case_migration_cases");

            migrationBuilder.DropTable(
                name: "case_migrations");
        }
    }
}
