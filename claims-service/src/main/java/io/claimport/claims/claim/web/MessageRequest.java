package io.claimport.claims.claim.web;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A message for a claim's conversation, with media by URL. */
record MessageRequest(@NotBlank @Size(max = 10_000) String message, @NotBlank String senderType,
		@Size(max = 200) String authorName, @Size(max = 20) List<@NotNull @Valid Media> medias) {

	record Media(@NotBlank String url, @NotBlank @Pattern(regexp = "IMAGE|VIDEO|AUDIO|DOCUMENT|OTHER",
			message = "must be one of IMAGE, VIDEO, AUDIO, DOCUMENT, OTHER") String type) {

	}

}
