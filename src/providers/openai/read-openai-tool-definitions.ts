/**
 * The tool definitions a Chat Completions or Responses request sends, as JSON text in the
 * caller's order: `tools`, then the legacy `functions` list. Undefined when there are none.
 */
export function readOpenAiToolDefinitions(request: Record<string, unknown>): string | undefined {
  const tools = [
    ...(Array.isArray(request.tools) ? (request.tools as unknown[]) : []),
    ...(Array.isArray(request.functions) ? (request.functions as unknown[]) : []),
  ];
  return tools.length === 0 ? undefined : JSON.stringify(tools);
}
