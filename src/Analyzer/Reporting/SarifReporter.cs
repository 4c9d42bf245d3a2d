using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using IisModuleValidator.Analysis;
using IisModuleValidator.Catalog;
using IisModuleValidator.Model;
using IisModuleValidator.Rules;

namespace IisModuleValidator.Reporting;

/// <summary>
/// SARIF 2.1.0 for GitHub code scanning and SARIF viewers: one run; rules and notification descriptors from the
/// catalog; artifacts with sha-256; paths relative to SRCROOT (the base directory); fingerprints from the rule
/// and the logical place, not the line; the run's automationDetails and, from the command line, its invocation (arguments,
/// working folder, exit code). No timestamps unless asked for: the same report gives the same bytes. Over GitHub's
/// ingestion limits (<see cref="GitHubLimits"/>) the run says so in a tool notification instead of being rejected.
/// </summary>
public sealed class SarifReporter(RuleCatalog catalog, IReadOnlyList<string> enabledRuleIds) : IReporter
{
    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";
    public const string SourceRootId = "SRCROOT";
    public const string FingerprintName = Fingerprints.Name;

    public void Write(AnalysisReport report, TextWriter output)
    {
        var bytes = Serialize(report, compressedBytes: null);
        // GitHub's bound is on the compressed upload: only a large file is compressed to measure it, and written again if over.
        if (bytes.Length > GitHubLimits.CompressedBytes && Compressed(bytes) is var compressed and > GitHubLimits.CompressedBytes)
        {
            bytes = Serialize(report, compressed);
        }
        output.Write(Encoding.UTF8.GetString(bytes));
        output.Write('\n');
    }

    private byte[] Serialize(AnalysisReport report, long? compressedBytes)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions
               {
                   Indented = true,
                   NewLine = "\n",
                   Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
               }))
        {
            new Writer(json, report, catalog, enabledRuleIds, compressedBytes).Document();
        }
        return buffer.ToArray();
    }

    private static long Compressed(byte[] bytes)
    {
        using var counted = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(counted, System.IO.Compression.CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(bytes);
        }
        return counted.Length;
    }

    private sealed class Writer(Utf8JsonWriter json, AnalysisReport report, RuleCatalog catalog, IReadOnlyList<string> enabledRuleIds, long? compressedBytes)
    {
        private readonly List<RuleDescriptor> _rules = [.. enabledRuleIds.Order(StringComparer.Ordinal).Select(id => catalog[id])];
        private readonly List<RuleDescriptor> _notifications = [.. catalog.All.Where(rule => rule.IsToolNotification)];
        private readonly List<string> _artifacts = [.. report.Inputs.Select(input => input.FullPath).Order(StringComparer.Ordinal)];

        public void Document()
        {
            json.WriteStartObject();
            json.WriteString("$schema", SchemaUri);
            json.WriteString("version", "2.1.0");
            json.WriteStartArray("runs");
            Run();
            json.WriteEndArray();
            json.WriteEndObject();
        }

        private void Run()
        {
            json.WriteStartObject();
            json.WriteStartObject("tool");
            json.WriteStartObject("driver");
            json.WriteString("name", ToolInfo.Name);
            json.WriteString("semanticVersion", ToolInfo.SemanticVersion);
            json.WriteString("informationUri", ToolInfo.InformationUri);
            json.WriteStartArray("rules");
            _rules.ForEach(Descriptor);
            json.WriteEndArray();
            json.WriteStartArray("notifications");
            _notifications.ForEach(Descriptor);
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();

            Invocation();

            json.WriteStartObject("automationDetails");
            json.WriteString("id", report.AutomationId);
            json.WriteEndObject();

            json.WriteStartObject("originalUriBaseIds");
            json.WriteStartObject(SourceRootId);
            json.WriteString("uri", new Uri(Path.TrimEndingDirectorySeparator(report.BaseDirectory) + Path.DirectorySeparatorChar).AbsoluteUri);
            json.WriteEndObject();
            json.WriteEndObject();

            json.WriteStartArray("artifacts");
            foreach (var input in report.Inputs.OrderBy(input => input.FullPath, StringComparer.Ordinal))
            {
                json.WriteStartObject();
                json.WritePropertyName("location");
                ArtifactLocation(input.FullPath, withIndex: false);
                // A folder named as an input (loose C++ sources) has no bytes of its own: no length, no hash.
                if (input.Sha256 is not null)
                {
                    json.WriteNumber("length", input.Length);
                }
                json.WriteStartArray("roles");
                json.WriteStringValue("analysisTarget");
                json.WriteEndArray();
                if (input.Sha256 is { } hash)
                {
                    json.WriteStartObject("hashes");
                    json.WriteString("sha-256", hash);
                    json.WriteEndObject();
                }
                if (input.Model is { Evidence: EvidenceSource.Binary, Image: not null } model)
                {
                    Recovery(model);
                }
                json.WriteEndObject();
            }
            json.WriteEndArray();

            json.WriteStartArray("results");
            foreach (var finding in report.Findings)
            {
                Result(finding);
            }
            foreach (var absent in report.Absent)
            {
                AbsentResult(absent);
            }
            json.WriteEndArray();
            json.WriteString("columnKind", "utf16CodeUnits");
            json.WriteEndObject();
        }

        /// <summary>
        /// What the binary recovery proved of a DLL, fact by fact, so that a gate or a viewer can tell a clean result
        /// from one that saw little: each registration is proven (every fact read from the code), partial or unknown.
        /// </summary>
        private void Recovery(ModuleModel model)
        {
            static string State(bool known) => known ? "proven" : "unknown";
            json.WriteStartObject("properties");
            json.WriteStartObject("recovery");
            var overall = model.Registrations.Count == 0 ? Confidence.Unknown : model.Registrations.Max(registration => registration.Confidence);
            json.WriteString("registrations", model.Registrations.Count == 0 ? "none recovered" : Word(overall));
            json.WriteStartArray("facts");
            foreach (var registration in model.Registrations)
            {
                json.WriteStartObject();
                json.WriteString("call", registration.Kind == RegistrationKind.Request ? "SetRequestNotifications" : "SetGlobalNotifications");
                if (registration.Location.Rva is { } rva)
                {
                    json.WriteString("rva", $"0x{rva:X}");
                }
                json.WriteString("recovery", Word(registration.Confidence));
                json.WriteString("mask", State(registration.Mask.IsKnown));
                if (registration.Kind == RegistrationKind.Request)
                {
                    json.WriteString("postMask", State(registration.PostMask.IsKnown));
                }
                json.WriteString("moduleClass", State(registration.ModuleClass is not null));
                if (registration.ConfidenceReason is { } reason)
                {
                    json.WriteString("reason", reason);
                }
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();
        }

        private static string Word(Confidence confidence) => confidence switch
        {
            Confidence.Exact => "proven",
            Confidence.Partial => "partial",
            _ => "unknown",
        };

        private void Descriptor(RuleDescriptor rule)
        {
            json.WriteStartObject();
            json.WriteString("id", rule.Id);
            json.WriteString("name", rule.Name);
            Text("shortDescription", rule.Title);
            json.WriteStartObject("fullDescription");
            json.WriteString("text", RuleHelpText.Plain(rule.FullDescription).TrimEnd());
            json.WriteString("markdown", rule.FullDescription);
            json.WriteEndObject();
            json.WriteStartObject("messageStrings");
            Text("default", rule.MessageFormat);
            json.WriteEndObject();
            json.WriteString("helpUri", rule.HelpUri);
            json.WriteStartObject("help");
            json.WriteString("text", RuleHelpText.Plain(rule.HelpMarkdown));
            json.WriteString("markdown", rule.HelpMarkdown);
            json.WriteEndObject();
            json.WriteStartObject("defaultConfiguration");
            json.WriteString("level", rule.DefaultLevel.ToWord());
            json.WriteEndObject();
            json.WriteStartObject("properties");
            json.WriteString("category", rule.Category);
            json.WriteStartArray("tags");
            rule.Tags.ToList().ForEach(json.WriteStringValue);
            json.WriteEndArray();
            json.WriteString("precision", rule.Precision);
            json.WriteString("problem.severity", rule.DefaultLevel switch
            {
                RuleLevel.Error => "error",
                RuleLevel.Warning => "warning",
                _ => "recommendation",
            });
            json.WriteEndObject();
            json.WriteEndObject();
        }

        private void Invocation()
        {
            json.WriteStartArray("invocations");
            json.WriteStartObject();
            if (report.Invocation is { } invocation)
            {
                json.WriteString("commandLine", invocation.CommandLine);
                json.WriteStartArray("arguments");
                invocation.Arguments.ToList().ForEach(json.WriteStringValue);
                json.WriteEndArray();
                json.WriteStartObject("workingDirectory");
                json.WriteString("uri", new Uri(Path.TrimEndingDirectorySeparator(invocation.WorkingDirectory) + Path.DirectorySeparatorChar).AbsoluteUri);
                json.WriteEndObject();
                if (invocation is { Start: { } start, End: { } end })
                {
                    json.WriteString("startTimeUtc", start.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture));
                    json.WriteString("endTimeUtc", end.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture));
                }
                json.WriteNumber("exitCode", invocation.ExitCode);
            }
            // Findings are the tool doing its job (exit 1); a usage error, nothing analyzed or an internal failure (2, 3) is not.
            json.WriteBoolean("executionSuccessful", report.Invocation is { } ran ? ran.ExitCode is 0 or 1 : report.AnalyzedCount > 0);
            json.WriteStartArray("toolExecutionNotifications");
            foreach (var limit in GitHubLimits.Exceeded(report, compressedBytes))
            {
                json.WriteStartObject();
                json.WriteString("level", "warning");
                Text("message", limit);
                json.WriteEndObject();
            }
            foreach (var notification in report.Notifications)
            {
                json.WriteStartObject();
                json.WriteString("level", notification.Level.ToWord());
                Text("message", notification.Message);
                json.WriteStartObject("descriptor");
                json.WriteString("id", notification.RuleId);
                json.WriteNumber("index", _notifications.FindIndex(descriptor => descriptor.Id == notification.RuleId));
                json.WriteEndObject();
                if (notification.FilePath is not null)
                {
                    json.WriteStartArray("locations");
                    json.WriteStartObject();
                    json.WriteStartObject("physicalLocation");
                    json.WritePropertyName("artifactLocation");
                    ArtifactLocation(notification.FilePath, withIndex: true);
                    json.WriteEndObject();
                    json.WriteEndObject();
                    json.WriteEndArray();
                }
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();
        }

        private void Result(Finding finding)
        {
            json.WriteStartObject();
            json.WriteString("ruleId", finding.RuleId);
            json.WriteNumber("ruleIndex", _rules.FindIndex(rule => rule.Id == finding.RuleId));
            json.WriteString("level", finding.Level.ToWord());
            Text("message", finding.Message);
            json.WriteStartArray("locations");
            Location(finding.Location, message: null);
            json.WriteEndArray();
            if (finding.Related.Count > 0)
            {
                json.WriteStartArray("relatedLocations");
                foreach (var related in finding.Related)
                {
                    Location(related.Location, related.Message);
                }
                json.WriteEndArray();
            }
            json.WriteStartObject("partialFingerprints");
            json.WriteString(FingerprintName, Fingerprint(finding));
            json.WriteEndObject();
            if (finding.Fixes.Count > 0)
            {
                Fixes(finding.Fixes);
            }
            if (finding.BaselineState is { } state)
            {
                json.WriteString("baselineState", state.ToString().ToLowerInvariant());
            }
            if (finding.Suppression is { } suppression)
            {
                // Accepted in the source with a reason: code scanning shows it as dismissed, not as open.
                json.WriteStartArray("suppressions");
                json.WriteStartObject();
                json.WriteString("kind", "inSource");
                json.WriteString("justification", suppression.Justification);
                json.WritePropertyName("location");
                Location(suppression.Location, message: null);
                json.WriteEndObject();
                json.WriteEndArray();
            }
            var properties = new SortedDictionary<string, string>(finding.Properties.ToDictionary(), StringComparer.Ordinal);
            if (finding.Location.Rva is { } rva)
            {
                properties["rva"] = $"0x{rva:X}";
            }
            if (properties.Count > 0)
            {
                json.WriteStartObject("properties");
                foreach (var (name, value) in properties)
                {
                    json.WriteString(name, value);
                }
                json.WriteEndObject();
            }
            json.WriteEndObject();
        }

        /// <summary>SARIF fixes[]: each a description and its replacements per file (a choice says so in its properties).</summary>
        private void Fixes(IReadOnlyList<Fix> fixes)
        {
            json.WriteStartArray("fixes");
            foreach (var fix in fixes)
            {
                json.WriteStartObject();
                Text("description", fix.Description);
                json.WriteStartArray("artifactChanges");
                foreach (var file in fix.Edits.GroupBy(edit => edit.FilePath, StringComparer.Ordinal))
                {
                    json.WriteStartObject();
                    json.WritePropertyName("artifactLocation");
                    ArtifactLocation(file.Key, withIndex: false);
                    json.WriteStartArray("replacements");
                    foreach (var edit in file)
                    {
                        json.WriteStartObject();
                        json.WriteStartObject("deletedRegion");
                        json.WriteNumber("startLine", edit.StartLine);
                        json.WriteNumber("startColumn", edit.StartColumn);
                        json.WriteNumber("endLine", edit.EndLine);
                        json.WriteNumber("endColumn", edit.EndColumn);
                        json.WriteEndObject();
                        json.WriteStartObject("insertedContent");
                        json.WriteString("text", edit.Text);
                        json.WriteEndObject();
                        json.WriteEndObject();
                    }
                    json.WriteEndArray();
                    json.WriteEndObject();
                }
                json.WriteEndArray();
                if (fix.IsChoice)
                {
                    json.WriteStartObject("properties");
                    json.WriteBoolean("choice", true);
                    json.WriteEndObject();
                }
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }

        /// <summary>A baseline's result this run no longer finds, as the baseline had it, marked absent.</summary>
        private void AbsentResult(Analysis.Baselines.AbsentResult absent)
        {
            json.WriteStartObject();
            json.WriteString("ruleId", absent.RuleId);
            if (_rules.FindIndex(rule => rule.Id == absent.RuleId) is var index and >= 0)
            {
                json.WriteNumber("ruleIndex", index);
            }
            json.WriteString("level", absent.Level);
            Text("message", absent.Message);
            if (absent.Locations is { } locations)
            {
                json.WritePropertyName("locations");
                // Indices into the baseline's artifacts mean nothing here.
                var copy = (System.Text.Json.Nodes.JsonArray)locations.DeepClone();
                foreach (var artifact in copy.Select(location => location?["physicalLocation"]?["artifactLocation"]).OfType<System.Text.Json.Nodes.JsonObject>())
                {
                    artifact.Remove("index");
                }
                copy.WriteTo(json);
            }
            json.WriteStartObject("partialFingerprints");
            json.WriteString(FingerprintName, absent.Fingerprint);
            json.WriteEndObject();
            json.WriteString("baselineState", "absent");
            json.WriteEndObject();
        }

        private void Location(SourceLocation location, string? message)
        {
            json.WriteStartObject();
            json.WriteStartObject("physicalLocation");
            json.WritePropertyName("artifactLocation");
            ArtifactLocation(location.FilePath, withIndex: true);
            // GitHub code scanning places every alert on a line; a place in a binary is its address, and line 1 for GitHub.
            json.WriteStartObject("region");
            json.WriteNumber("startLine", location.Line ?? 1);
            if (location.Column is { } column)
            {
                json.WriteNumber("startColumn", column);
            }
            json.WriteEndObject();
            if (location.Rva is { } rva)
            {
                // The RVA: the byte offset from the start of the image as it is mapped, the binary's addressable region.
                json.WriteStartObject("address");
                json.WriteNumber("absoluteAddress", rva);
                if (location.Symbol is { } name)
                {
                    json.WriteString("name", name);
                }
                json.WriteEndObject();
            }
            json.WriteEndObject();
            if (location.Symbol is { } symbol)
            {
                json.WriteStartArray("logicalLocations");
                json.WriteStartObject();
                json.WriteString("name", symbol);
                if (location.SymbolKind is { } kind)
                {
                    json.WriteString("kind", kind);
                }
                json.WriteEndObject();
                json.WriteEndArray();
            }
            if (message is not null)
            {
                Text("message", message);
            }
            json.WriteEndObject();
        }

        private void ArtifactLocation(string fullPath, bool withIndex)
        {
            json.WriteStartObject();
            if (PathDisplay.TryRelative(report.BaseDirectory, fullPath, out var relative))
            {
                json.WriteString("uri", Uri.EscapeDataString(relative).Replace("%2F", "/"));
                json.WriteString("uriBaseId", SourceRootId);
            }
            else
            {
                json.WriteString("uri", new Uri(fullPath).AbsoluteUri);
            }
            var index = _artifacts.BinarySearch(fullPath, StringComparer.Ordinal);
            if (withIndex && index >= 0)
            {
                json.WriteNumber("index", index);
            }
            json.WriteEndObject();
        }

        private void Text(string property, string text)
        {
            json.WriteStartObject(property);
            json.WriteString("text", text);
            json.WriteEndObject();
        }

        private string Fingerprint(Finding finding) => Fingerprints.Of(finding, report.BaseDirectory);
    }
}
