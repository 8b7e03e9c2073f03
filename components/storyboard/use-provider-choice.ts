"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { listProviders } from "@/components/api/storyboards-api";

/**
 * Which configured image provider new drawings use. Asked once per session (the list changes only
 * with the server's configuration); with one provider there is nothing to choose.
 */
export function useProviderChoice(enabled: boolean) {
  const { data: providers = [] } = useQuery({ queryKey: ["providers"], queryFn: ({ signal }) => listProviders(signal), staleTime: Infinity, enabled, retry: false });
  const [provider, setProvider] = useState<string>();
  return { providers, provider, setProvider };
}
