/* bel-client-account.c - the signed-in account's own settings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bel-client-private.h"

void
bel_client_change_password_async (BelClient          *self,
                                  const char         *current_password,
                                  const char         *new_password,
                                  GCancellable       *cancellable,
                                  GAsyncReadyCallback callback,
                                  gpointer            user_data)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) body = NULL;

  g_return_if_fail (BEL_IS_CLIENT (self));

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "current_password");
  json_builder_add_string_value (builder, current_password);
  json_builder_set_member_name (builder, "new_password");
  json_builder_add_string_value (builder, new_password);
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);
  bel_client_call_full (self, "PUT", "/api/v1/me/password", NULL, body, 0, NULL, NULL, G_TYPE_NONE,
                        bel_client_change_password_async, cancellable, callback, user_data);
}

gboolean
bel_client_change_password_finish (BelClient     *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  JsonNode *node = bel_client_call_finish (self, result, bel_client_change_password_async, &local_error);

  /* 204: no body is expected; whatever came is dropped. */
  g_clear_pointer (&node, json_node_unref);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}
