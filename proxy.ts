import { NextResponse, type NextRequest } from "next/server";
import { AppError } from "@/lib/errors";
import { hasMalformedPathEncoding } from "@/lib/http/path-encoding";
import { toErrorResponse } from "@/lib/http/respond";

// Runs before routing: a path that does not percent-decode would otherwise be a plain-text 500
// from the router (it decodes dynamic segments before calling our handlers), with nothing logged.
export function proxy(request: NextRequest) {
  if (hasMalformedPathEncoding(request.nextUrl.pathname)) {
    return toErrorResponse(new AppError("INVALID_REQUEST", "The URL path has malformed percent-encoding."));
  }
  return NextResponse.next();
}

export const config = { matcher: "/api/:path*" };
