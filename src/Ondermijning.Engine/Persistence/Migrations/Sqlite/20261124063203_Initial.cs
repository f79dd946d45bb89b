using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ondermijning.Engine.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "cases",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Municipality = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    Workflow = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    DefinitionVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    Stage = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    StageEnteredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Severity = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    SourceChannel = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ReporterAnonymous = table.Column<bool>(type: "INTEGER", nullable: false),
                    ReporterName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ReporterContact = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Description = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    Branch = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    PhenomenonTags = table.Column<string>(type: "TEXT", nullable: false),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cases", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "workflow_versions",
                columns: table => new
                {
                    Workflow = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    ContentHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SourceFile = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    FirstSeenAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_workflow_versions", x => new { x.Workflow, x.Version });
                });

            migrationBuilder.CreateTable(
                name: "case_addresses",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Postcode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    HouseNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    HouseNumberAddition = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    Street = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    City = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_case_addresses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_case_addresses_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "case_companies",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    KvkNumber = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                    Place = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_case_companies", x => x.Id);
                    table.ForeignKey(
                        name: "FK_case_companies_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "case_history",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    ActorId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ActorName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ActorOrganisation = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    FromStage = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ToStage = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Trigger = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Workflow = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    DefinitionVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    FromDefinitionVersion = table.Column<int>(type: "INTEGER", nullable: true),
                    InformationJson = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_case_history", x => x.Id);
                    table.ForeignKey(
                        name: "FK_case_history_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "case_persons",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    BirthDate = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    Role = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_case_persons", x => x.Id);
                    table.ForeignKey(
                        name: "FK_case_persons_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_case_addresses_CaseId",
                table: "case_addresses",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_case_companies_CaseId",
                table: "case_companies",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_case_history_CaseId_Sequence",
                table: "case_history",
                columns: new[] { "CaseId", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_case_persons_CaseId",
                table: "case_persons",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_cases_Municipality_Stage",
                table: "cases",
                columns: new[] { "Municipality", "Stage" });

            migrationBuilder.CreateIndex(
                name: "IX_cases_ReceivedAt",
                table: "cases",
                column: "ReceivedAt");

            migrationBuilder.CreateIndex(
                name: "IX_cases_Workflow_DefinitionVersion_Stage",
                table: "cases",
                columns: new[] { "Workflow", "DefinitionVersion", "Stage" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "case_addresses");

            migrationBuilder.DropTable(
                name: "case_companies");

            migrationBuilder.DropTable(
                name: "case_history");

            migrationBuilder.DropTable(
                name: "case_persons");

            migrationBuilder.DropTable(
                name: "workflow_versions");

            migrationBuilder.DropTable(
                name: "cases");
        }
    }
}
